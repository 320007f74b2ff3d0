"""Golden files for src/diffusion (heat flow checked against scipy / numpy).

Run from the repository root with the pyenv python (numpy 2.4, scipy 1.17):

    python3 scripts/golden/diffusion.py

Writes test/golden/diffusion/*.npy (float64):
  u.npy                     a 24x37 random field on 0..255 (seed 7)
  exact_{reflect,wrap}.npy  scipy.ndimage.gaussian_filter(u, sqrt(2 D t), mode=..., truncate=8), D t = 1.5
  spectral_wrap.npy         irfft2(rfft2(u) * exp(-4 pi^2 D t |f|^2))
  spectral_reflect.npy      idctn(dctn(u, ortho) * exp(-4 pi^2 D t ((k/2H)^2 + (l/2W)^2)), ortho)
  conv_gauss1_reflect.npy   scipy.ndimage.convolve(u, Gaussian sigma 1 radius 4 normalised, mode='reflect')
"""

import os

import numpy as np
import scipy.fft
import scipy.ndimage

OUT = os.path.join('test', 'golden', 'diffusion')
os.makedirs(OUT, exist_ok=True)

H, W, Dt = 24, 37, 1.5
u = np.random.default_rng(7).uniform(0, 255, (H, W))
sigma = np.sqrt(2 * Dt)


def save(name, a):
    np.save(os.path.join(OUT, name + '.npy'), np.ascontiguousarray(a, dtype=np.float64))


save('u', u)
for mode in ('reflect', 'wrap'):
    save('exact_' + mode, scipy.ndimage.gaussian_filter(u, sigma, mode=mode, truncate=8.0))

fy = np.fft.fftfreq(H)[:, None]
fx = np.fft.rfftfreq(W)[None, :]
save('spectral_wrap', np.fft.irfft2(np.fft.rfft2(u) * np.exp(-4 * np.pi**2 * Dt * (fy**2 + fx**2)), s=(H, W)))

ky = (np.arange(H) / (2 * H))[:, None]
kx = (np.arange(W) / (2 * W))[None, :]
c = scipy.fft.dctn(u, norm='ortho')
save('spectral_reflect', scipy.fft.idctn(c * np.exp(-4 * np.pi**2 * Dt * (ky**2 + kx**2)), norm='ortho'))

r = np.arange(-4, 5)
g = np.exp(-(r**2) / 2.0)
g /= g.sum()
save('conv_gauss1_reflect', scipy.ndimage.convolve(u, np.outer(g, g), mode='reflect'))
print('wrote', sorted(os.listdir(OUT)))

# An animated GIF written by Pillow (Debian's python has it: /usr/bin/python3), with its frames
# as indices, to check test/io/gif.test.ts's reference decoder against another implementation.
PIL_SCRIPT = r'''
import sys, numpy as np
from PIL import Image
out = sys.argv[1]
rng = np.random.default_rng(3)
frames = [np.clip(np.cumsum(rng.integers(-3, 4, (29, 41)), axis=1) + 128 + 40 * k, 0, 255).astype(np.uint8) for k in range(3)]
imgs = [Image.fromarray(f, 'P') for f in frames]
for im in imgs:
    im.putpalette([v for v in range(256) for _ in range(3)])
imgs[0].save(out + '/pil.gif', save_all=True, append_images=imgs[1:], duration=80, loop=0, optimize=False)
np.save(out + '/pil_frames.npy', np.stack(frames).astype(np.float64))
'''
if os.path.exists('/usr/bin/python3'):
    import subprocess

    subprocess.run(['/usr/bin/python3', '-c', PIL_SCRIPT, OUT], check=True)
