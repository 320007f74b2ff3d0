"""Golden files for src/ref/convolve.ts, src/conv and src/filters.

Run from the repository root with the pyenv python (numpy 2.4, scipy 1.17):

    python3 scripts/golden/conv.py

It writes test/golden/conv/scipy.npz + scipy.json, then re-runs itself under Debian's
python (`/usr/bin/python3`, which has OpenCV: `apt-get install -y python3-opencv`) with `--cv2`
to write cv2.npz + cv2.json. Each JSON case names the call, its arguments and the .npy members
(inside the .npz) holding x, k and the expected output; `kernels` entries name a member too.
"""

import json
import os
import subprocess
import sys

import numpy as np

OUT = os.path.join('test', 'golden', 'conv')
cases = []
arrays = {}


def save(name, arr):
    """Store `arr` once (inputs are shared between cases); returns its member name."""
    for key, old in arrays.items():
        if old is arr:
            return key
    arrays[name] = np.ascontiguousarray(arr)
    return name


def write(part, doc):
    np.savez_compressed(os.path.join(OUT, part + '.npz'), **arrays)
    with open(os.path.join(OUT, part + '.json'), 'w') as f:
        json.dump(doc, f, indent=0)


def rand(rng, shape, dtype):
    if np.dtype(dtype).kind == 'c':
        a = rng.standard_normal(shape) + 1j * rng.standard_normal(shape)
    else:
        a = rng.standard_normal(shape)
    return a.astype(dtype)


def add(name, fn, x, k, y, **args):
    cases.append(dict(name=name, fn=fn, x=save(name + '_x', x), k=save(name + '_k', k), out=save(name + '_out', y), **args))


def scipy_part():
    from scipy import ndimage, signal

    rng = np.random.default_rng(20261128)
    # scipy.signal.convolve / correlate: every mode, odd / even / larger kernels, real and complex
    shapes = [
        ('1d_odd', (9,), (3,)),
        ('1d_even', (8,), (4,)),
        ('1d_big', (5,), (9,)),
        ('2d_odd', (6, 7), (3, 3)),
        ('2d_even', (7, 6), (2, 4)),
        ('2d_big', (3, 4), (5, 6)),
        ('3d', (4, 5, 3), (2, 3, 2)),
    ]
    for label, xs, ks in shapes:
        for dtype in ('float64', 'complex128'):
            x = rand(rng, xs, dtype)
            k = rand(rng, ks, dtype)
            for fn in ('convolve', 'correlate'):
                for mode in ('full', 'same', 'valid'):
                    y = getattr(signal, fn)(x, k, mode=mode, method='direct')
                    add(f'signal_{fn}_{label}_{dtype}_{mode}', f'signal.{fn}', x, k, y, mode=mode, boundary='constant', cval=0)
    x = rand(rng, (10, 11), 'float32')
    k = rand(rng, (4, 3), 'float32')
    for mode in ('full', 'same', 'valid'):
        add(f'signal_convolve_2d_float32_{mode}', 'signal.convolve', x, k, signal.convolve(x, k, mode=mode, method='direct'),
            mode=mode, boundary='constant', cval=0)

    # scipy.ndimage.convolve / correlate: odd kernels, all five borders (= our `same`)
    nd_shapes = [('1d', (10,), (5,)), ('2d', (6, 7), (3, 5)), ('3d', (4, 5, 6), (3, 3, 3)), ('2d_bigk', (3, 4), (7, 5))]
    for label, xs, ks in nd_shapes:
        x = rand(rng, xs, 'float64')
        k = rand(rng, ks, 'float64')
        for fn in ('convolve', 'correlate'):
            for border in ('constant', 'reflect', 'mirror', 'nearest', 'wrap'):
                cval = 1.5 if border == 'constant' else 0.0
                y = getattr(ndimage, fn)(x, k, mode=border, cval=cval)
                add(f'ndimage_{fn}_{label}_{border}', f'ndimage.{fn}', x, k, y, mode='same', boundary=border, cval=cval)

    # kernels: gaussian 1-D weights, LoG on an impulse
    kernels = []
    for sigma, truncate in ((1.0, 4.0), (2.5, 4.0), (0.7, 3.0), (5.0, 4.0)):
        radius = int(truncate * sigma + 0.5)
        imp = np.zeros(2 * radius + 1)
        imp[radius] = 1
        g = ndimage.gaussian_filter1d(imp, sigma, truncate=truncate, mode='constant')
        kernels.append(dict(kind='gaussian1d', sigma=sigma, truncate=truncate, file=save(f'gaussian1d_{sigma}_{truncate}', g)))
    for sigma in (1.0, 2.0):
        radius = int(4 * sigma + 0.5)
        imp = np.zeros((2 * radius + 1, 2 * radius + 1))
        imp[radius, radius] = 1
        y = ndimage.gaussian_laplace(imp, sigma, mode='constant')
        kernels.append(dict(kind='log', sigma=sigma, file=save(f'log_{sigma}', y)))
    write('scipy', dict(cases=cases, kernels=kernels))


def cv2_part():
    import cv2

    rng = np.random.default_rng(7)
    borders = {
        'mirror': cv2.BORDER_REFLECT_101,
        'reflect': cv2.BORDER_REFLECT,
        'nearest': cv2.BORDER_REPLICATE,
        'constant': cv2.BORDER_CONSTANT,
    }
    for label, xs, ks in (('odd', (9, 8), (3, 3)), ('even', (8, 10), (4, 2)), ('wide', (12, 13), (5, 7))):
        for dtype in ('float32', 'float64'):
            x = rng.standard_normal(xs).astype(dtype)
            k = rng.standard_normal(ks).astype(dtype)
            for border, code in borders.items():
                y = cv2.filter2D(x, -1, k, borderType=code)
                add(f'cv2_filter2D_{label}_{dtype}_{border}', 'cv2.filter2D', x, k, y, mode='same', boundary=border, cval=0)
    kernels = []
    for i, (ks, sigma, theta_deg, lambd, gamma, psi) in enumerate(
        (((21, 21), 4.0, 0.0, 10.0, 0.5, 0.0), ((15, 15), 3.0, 30.0, 8.0, 0.8, np.pi / 2), ((17, 13), 2.5, 120.0, 6.0, 1.0, 1.0))
    ):
        # convolab's theta is degrees counter-clockwise on screen (rows down); OpenCV's is clockwise radians
        g = cv2.getGaborKernel(ks, sigma, -np.deg2rad(theta_deg), lambd, gamma, psi, ktype=cv2.CV_64F)
        kernels.append(
            dict(kind='gabor', file=save(f'gabor_{i}', g), ksize=list(ks), sigma=sigma, theta=theta_deg, lambd=lambd, gamma=gamma, psi=psi)
        )
    write('cv2', dict(cases=cases, kernels=kernels))


if __name__ == '__main__':
    os.makedirs(OUT, exist_ok=True)
    if '--cv2' in sys.argv:
        cv2_part()
    else:
        scipy_part()
        subprocess.run(['/usr/bin/python3', __file__, '--cv2'], check=True)
