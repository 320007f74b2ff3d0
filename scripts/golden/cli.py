"""Golden files for the CLI's convolve and filter commands (test/cli/convolve.test.ts, filter.test.ts).

Run from the repository root with the pyenv python (numpy 2.4, scipy 1.17):

    python3 scripts/golden/cli.py

Writes small .npy inputs and expected outputs to test/golden/cli/:
- x2d.npy [5, 7] float64, k_even.npy [3, 2] float64, and
  convolve_same_x2d_keven.npy = scipy.signal.convolve(x, k, mode='same');
  correlate_full_x2d_keven.npy = scipy.signal.correlate(x, k, mode='full');
- img.npy [2, 9, 11] float32 on 0..255 and
  sobelx_reflect_img.npy = scipy.ndimage.correlate(img[c], sobel_x, mode='reflect') per channel (float64);
  gauss_nearest_img.npy = scipy.ndimage.correlate(img[c], gaussian(sigma=1, truncate 4), mode='nearest').
"""

import os

import numpy as np
from scipy import ndimage, signal

OUT = os.path.join('test', 'golden', 'cli')
os.makedirs(OUT, exist_ok=True)
rng = np.random.default_rng(4)

x = rng.standard_normal((5, 7))
k = rng.standard_normal((3, 2))
np.save(os.path.join(OUT, 'x2d.npy'), x)
np.save(os.path.join(OUT, 'k_even.npy'), k)
np.save(os.path.join(OUT, 'convolve_same_x2d_keven.npy'), signal.convolve(x, k, mode='same', method='direct'))
np.save(os.path.join(OUT, 'correlate_full_x2d_keven.npy'), signal.correlate(x, k, mode='full', method='direct'))

img = rng.uniform(0, 255, (2, 9, 11)).astype(np.float32)
np.save(os.path.join(OUT, 'img.npy'), img)
sobel_x = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)
np.save(os.path.join(OUT, 'sobelx_reflect_img.npy'),
        np.stack([ndimage.correlate(img[c].astype(np.float64), sobel_x, mode='reflect') for c in range(2)]))
r = 4  # gaussian(1): radius = round(4 * sigma)
t = np.arange(-r, r + 1)
g = np.exp(-t**2 / 2.0)
g2 = np.outer(g, g)
g2 /= g2.sum()
np.save(os.path.join(OUT, 'gauss_nearest_img.npy'),
        np.stack([ndimage.correlate(img[c].astype(np.float64), g2, mode='nearest') for c in range(2)]))
