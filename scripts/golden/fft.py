"""Golden files for the FFT engine (test/fft/golden.test.ts), made with numpy / scipy.fft.

Run from the repository root: python3 scripts/golden/fft.py
Each case saves its input `<name>.in.npy` and numpy's answer `<name>.out.npy` in test/golden/fft/.
"""
import os

import numpy as np
import scipy.fft as sf

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'golden', 'fft')
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20261128)


def cplx(*shape, dtype=np.complex128):
    return (rng.standard_normal(shape) + 1j * rng.standard_normal(shape)).astype(dtype)


def real(*shape, dtype=np.float64):
    return rng.standard_normal(shape).astype(dtype)


def save(name, x, y, tag='out'):
    """Input once per case; one output per tag (e.g. the norm)."""
    np.save(os.path.join(OUT, name + '.in.npy'), x)
    np.save(os.path.join(OUT, f'{name}.{tag}.npy'), y)


# 1-D complex, every norm, assorted lengths (radix 4, 2, 3, 5, 7, 11, primes, Bluestein)
for n in [1, 2, 12, 17, 60, 77, 97, 128, 210, 1009]:
    x = cplx(n)
    for norm in ['backward', 'ortho', 'forward']:
        save(f'fft_n{n}', x, np.fft.fft(x, norm=norm), norm)
        save(f'fft_n{n}', x, np.fft.ifft(x, norm=norm), 'inv_' + norm)
# crop / pad with n, along axis 0 of a 2-D array
x = cplx(10, 3)
save('fft_axis0_n16', x, np.fft.fft(x, n=16, axis=0))
save('fft_axis0_n7', x, np.fft.fft(x, n=7, axis=0))
# float32 in -> complex64 out
x = real(45, dtype=np.float32)
save('fft_f32_n45', x, np.fft.fft(x).astype(np.complex64))

# real transforms
for n in [1, 2, 30, 31, 64, 243, 1000]:
    x = real(n)
    for norm in ['backward', 'ortho', 'forward']:
        save(f'rfft_n{n}', x, np.fft.rfft(x, norm=norm), norm)
for n in [2, 15, 16, 31, 100]:  # irfft: odd and even output lengths
    spec = cplx(n // 2 + 1)
    for norm in ['backward', 'ortho', 'forward']:
        save(f'irfft_n{n}', spec, np.fft.irfft(spec, n=n, norm=norm), norm)
spec = cplx(4, 9)
save('irfft_rows_default', spec, np.fft.irfft(spec))  # n = 2·(9−1) = 16 along the last axis

# N-D with axes and s
x = cplx(4, 5, 6)
save('fftn_axes02', x, np.fft.fftn(x, axes=(0, 2)))
save('fftn_s_axes', x, np.fft.fftn(x, s=(3, 8), axes=(2, 0)))
save('ifftn_all_ortho', x, np.fft.ifftn(x, norm='ortho'))
save('fft2_default', x, np.fft.fft2(x))
r = real(6, 10)
save('rfft2_6x10', r, np.fft.rfft2(r))
save('rfftn_axes10', r, np.fft.rfftn(r, axes=(1, 0)))
r3 = real(3, 5, 7)
save('rfftn_3d_forward', r3, np.fft.rfftn(r3, norm='forward'))
spec2 = np.fft.rfft2(real(6, 9))
save('irfft2_6x9', spec2, np.fft.irfft2(spec2, s=(6, 9)))
save('irfftn_default', spec2, np.fft.irfftn(spec2))
r32 = real(8, 12, dtype=np.float32)
save('rfft2_f32_8x12', r32, np.fft.rfft2(r32).astype(np.complex64))

# DCT, scipy conventions
for t in [1, 2, 3, 4]:
    for n in [2, 9, 16]:
        x = real(n)
        for norm in ['backward', 'ortho', 'forward']:
            save(f'dct{t}_n{n}', x, sf.dct(x, type=t, norm=norm), norm)
            save(f'dct{t}_n{n}', x, sf.idct(x, type=t, norm=norm), 'inv_' + norm)
x = real(5, 8)
save('dct2_axis0_ortho', x, sf.dct(x, type=2, axis=0, norm='ortho'))
save('dct3_n12_pad', x, sf.dct(x, type=3, n=12))
x32 = real(8, 8, dtype=np.float32)
save('dct2_f32_8x8', x32, sf.dct(x32, type=2, norm='ortho').astype(np.float32))

# shifts and frequencies
x = np.arange(35, dtype=np.float64).reshape(5, 7)
save('fftshift_5x7', x, np.fft.fftshift(x))
save('ifftshift_5x7_axis1', x, np.fft.ifftshift(x, axes=1))
