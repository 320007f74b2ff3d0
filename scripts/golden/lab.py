"""Golden values for the lab's worker kernels (lab/src/workers/kernels.ts).

Writes test/golden/lab/kernels.json: a seeded random [2, 7, 9] float32 image, a random 5x5
kernel, and scipy.ndimage.correlate(mode='nearest') per channel; the Sobel magnitude
hypot(correlate(g, sobel_x), correlate(g, sobel_y)) of channel 0. Run: python3 scripts/golden/lab.py
"""
import json
from pathlib import Path

import numpy as np
from scipy import ndimage

rng = np.random.default_rng(20261128)
image = (rng.random((2, 7, 9)) * 255).astype(np.float32)
kernel = rng.standard_normal((5, 5)).astype(np.float64)
corr = np.stack([ndimage.correlate(image[c].astype(np.float64), kernel, mode='nearest') for c in range(2)])

sx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)
g = image[0].astype(np.float64)
sobel = np.hypot(ndimage.correlate(g, sx, mode='nearest'), ndimage.correlate(g, sx.T, mode='nearest'))
# scipy's own Sobel agrees (its axis-1 derivative is our x gradient).
assert np.allclose(sobel, np.hypot(ndimage.sobel(g, axis=1, mode='nearest'), ndimage.sobel(g, axis=0, mode='nearest')))

out = {
    'generator': 'scripts/golden/lab.py (numpy %s, scipy ndimage)' % np.__version__,
    'image': {'shape': list(image.shape), 'data': image.ravel().tolist()},
    'kernel': kernel.tolist(),
    'correlate_nearest': corr.ravel().tolist(),
    'sobel_magnitude_c0': sobel.ravel().tolist(),
}
path = Path(__file__).resolve().parents[2] / 'test' / 'golden' / 'lab' / 'kernels.json'
path.write_text(json.dumps(out) + '\n')
print(f'wrote {path} ({path.stat().st_size} bytes)')
