#!/usr/bin/python3
"""Golden files for src/spectrum (test/golden/spectrum/).

Run with Debian's python (it has scikit-image; `apt-get install python3-skimage libjpeg-turbo-progs`):
    /usr/bin/python3 scripts/golden/spectrum.py

Writes:
  spectrum.json        spectra of a small array (numpy), scipy.ndimage.fourier_gaussian cases,
                       SSIM / PSNR pairs (skimage), quantisation tables read back from cjpeg's DQT
                       markers, and real JPEG (cjpeg -optimize) figures on the sample photos
  *.npy                the arrays those cases name
"""
import json
import os
import subprocess
import tempfile

import numpy as np
from scipy import ndimage
from skimage import io
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..')
OUT = os.path.join(ROOT, 'test', 'golden', 'spectrum')
SAMPLES = os.path.join(ROOT, 'samples')
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(20261128)
doc = {}


def save(name, a):
    np.save(os.path.join(OUT, name + '.npy'), a)
    return name


def load_sample(name):
    a = io.imread(os.path.join(SAMPLES, name))
    return a  # [H, W] or [H, W, 3] uint8


# --- spectra: log1p|fftshift(fft2(x))|, angle; with and without numpy.hanning windows
x = rng.random((16, 21)) * 255
win = np.outer(np.hanning(16), np.hanning(21))
F = np.fft.fftshift(np.fft.fft2(x))
Fw = np.fft.fftshift(np.fft.fft2(x * win))
doc['spectrum'] = {
    'x': save('spec_x', x),
    'logmag_none': save('spec_logmag_none', np.log1p(np.abs(F))),
    'phase_none': save('spec_phase_none', np.angle(F)),
    'logmag_hann': save('spec_logmag_hann', np.log1p(np.abs(Fw))),
}

# --- scipy.ndimage.fourier_gaussian: Re(ifft2(fourier_gaussian(fft2(x), sigma)))
cases = []
for shape, sigma in [((24, 30), 2.0), ((17, 23), 1.3), ((32, 32), 4.0)]:
    img = rng.random(shape) * 255
    out = np.real(np.fft.ifft2(ndimage.fourier_gaussian(np.fft.fft2(img), sigma)))
    tag = f'fg_{shape[0]}x{shape[1]}_s{sigma}'
    cases.append({'sigma': sigma, 'x': save(tag + '_x', img), 'out': save(tag + '_out', out)})
doc['fourier_gaussian'] = cases

# --- SSIM / PSNR (skimage, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255)
pairs = []
chelsea = load_sample('chelsea.png')[100:164, 150:230, :3]  # [64, 80, 3]
noisy = np.clip(chelsea + rng.normal(0, 12, chelsea.shape), 0, 255).round().astype(np.uint8)
brick = load_sample('brick.png')[200:250, 100:160]  # [50, 60]
blurred = np.clip(ndimage.gaussian_filter(brick.astype(np.float64), 1.2), 0, 255).round().astype(np.uint8)
for tag, a, b, axis in [('chelsea_noise', chelsea, noisy, 2), ('brick_blur', brick, blurred, None)]:
    fa, fb = a.astype(np.float64), b.astype(np.float64)
    s = structural_similarity(fa, fb, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255, channel_axis=axis)
    p = peak_signal_noise_ratio(fa, fb, data_range=255)
    # stored as [C, H, W] uint8 (convolab's image layout)
    ca = a.transpose(2, 0, 1) if a.ndim == 3 else a[None]
    cb = b.transpose(2, 0, 1) if b.ndim == 3 else b[None]
    pairs.append({'a': save(tag + '_a', np.ascontiguousarray(ca)), 'b': save(tag + '_b', np.ascontiguousarray(cb)), 'ssim': s, 'psnr': p})
doc['ssim'] = pairs


# --- real JPEG: cjpeg (libjpeg-turbo) at quality Q, optimised Huffman tables
def pnm_bytes(a):
    if a.ndim == 2:
        return b'P5 %d %d 255\n' % (a.shape[1], a.shape[0]) + a.tobytes()
    return b'P6 %d %d 255\n' % (a.shape[1], a.shape[0]) + a.tobytes()


def read_pnm(data):
    parts = data.split(maxsplit=4)
    w, h = int(parts[1]), int(parts[2])
    px = np.frombuffer(parts[4], np.uint8)
    return px.reshape(h, w, 3) if parts[0] == b'P6' else px.reshape(h, w)


def dqt_tables(jpeg):
    """The quantisation tables of a JPEG file, natural order, by table id."""
    zigzag = []
    for s in range(15):
        cells = [r * 8 + (s - r) for r in range(max(0, s - 7), min(7, s) + 1)]
        zigzag += cells[::-1] if s % 2 == 0 else cells
    tables, i = {}, 2
    while i < len(jpeg):
        marker, length = jpeg[i + 1], int.from_bytes(jpeg[i + 2:i + 4], 'big')
        if marker == 0xDB:
            j = i + 4
            while j < i + 2 + length:
                wide, tid, j = jpeg[j] >> 4, jpeg[j] & 15, j + 1  # Pq = 1: 16-bit entries
                t = [0] * 64
                for k in range(64):
                    t[zigzag[k]] = int.from_bytes(jpeg[j + 2 * k:j + 2 * k + 2], 'big') if wide else jpeg[j + k]
                tables[tid], j = t, j + 64 * (2 if wide else 1)
        if marker == 0xDA:
            break
        i += 2 + length
    return tables


def cjpeg(a, quality, sample):
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, 'in.pnm')
        open(src, 'wb').write(pnm_bytes(a))
        args = ['cjpeg', '-quality', str(quality), '-optimize'] + (['-sample', sample] if a.ndim == 3 else []) + [src]
        jpeg = subprocess.run(args, check=True, capture_output=True).stdout
        dec = subprocess.run(['djpeg', '-pnm'], input=jpeg, check=True, capture_output=True).stdout
    return jpeg, read_pnm(dec)


doc['quant_tables'] = {str(q): dqt_tables(cjpeg(chelsea, q, '1x1')[0]) for q in [1, 10, 25, 50, 75, 90, 100]}
jpeg_rows = []
for name in ['astronaut.png', 'chelsea.png', 'coffee.png', 'brick.png']:
    a = load_sample(name)
    if a.ndim == 3:
        a = np.ascontiguousarray(a[:, :, :3])
    for quality in [50, 90]:
        for sample in (['1x1', '2x2'] if a.ndim == 3 else ['gray']):
            jpeg, dec = cjpeg(a, quality, sample)
            fa, fb = a.astype(np.float64), dec.astype(np.float64)
            axis = 2 if a.ndim == 3 else None
            jpeg_rows.append({
                'image': name, 'quality': quality, 'sampling': {'1x1': '4:4:4', '2x2': '4:2:0', 'gray': 'gray'}[sample],
                'bytes': len(jpeg), 'bits_per_pixel': len(jpeg) * 8 / (a.shape[0] * a.shape[1]),
                'psnr': peak_signal_noise_ratio(fa, fb, data_range=255),
                'ssim': structural_similarity(fa, fb, gaussian_weights=True, sigma=1.5, use_sample_covariance=False, data_range=255, channel_axis=axis),
            })
doc['cjpeg'] = {'version': subprocess.run(['cjpeg', '-version'], capture_output=True, text=True).stderr.strip(), 'rows': jpeg_rows}

with open(os.path.join(OUT, 'spectrum.json'), 'w') as f:
    json.dump(doc, f, indent=1)
print('wrote', OUT)
