"""Golden files for src/batch/steps/filter.ts (the `filter` recipe step).

Run from the repository root with the pyenv python (numpy 2.4, scipy 1.17):

    python3 scripts/golden/batch.py

The input image is a formula both sides compute: v[c, y, x] = (97c + 57y + 23x + 3xy) mod 256,
shape [3, 7, 9]. Each case is scipy.ndimage.correlate per channel with a boundary, then the step's
output mapping (clip, abs then clip, normalize), before rounding to 8 bits. Writes
test/golden/batch/filter.json.
"""

import json
import os

import numpy as np
from scipy import ndimage

C, H, W = 3, 7, 9
c, y, x = np.meshgrid(np.arange(C), np.arange(H), np.arange(W), indexing='ij')
image = ((97 * c + 57 * y + 23 * x + 3 * x * y) % 256).astype(np.float64)

KERNELS = {
    'box:3': [np.full((3, 3), 1 / 9)],
    'sharpen': [np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], float)],
    'laplacian': [np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], float)],
    'sobel': [np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], float), np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], float)],
    'sobel-x': [np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], float)],
}
SCIPY_MODE = {'reflect': 'reflect', 'mirror': 'mirror', 'nearest': 'nearest', 'wrap': 'wrap', 'constant': 'constant'}


def run(kernel, boundary, output, cval=0.0):
    planes = []
    for ch in range(C):
        rs = [ndimage.correlate(image[ch], k, mode=SCIPY_MODE[boundary], cval=cval) for k in KERNELS[kernel]]
        planes.append(rs[0] if len(rs) == 1 else np.hypot(rs[0], rs[1]))
    r = np.stack(planes)
    if output == 'normalize':
        lo, hi = r.min(), r.max()
        return (r - lo) * (255 / (hi - lo)) if hi > lo else np.zeros_like(r)
    if output == 'abs':
        r = np.abs(r)
    return np.clip(r, 0, 255)


cases = []
for kernel, boundary, output, cval in [
    ('box:3', 'reflect', 'clip', 0.0),
    ('sharpen', 'constant', 'clip', 10.0),
    ('laplacian', 'nearest', 'abs', 0.0),
    ('sobel', 'mirror', 'clip', 0.0),
    ('sobel-x', 'wrap', 'normalize', 0.0),
]:
    expected = run(kernel, boundary, output, cval)
    cases.append({
        'options': {'kernel': kernel, 'boundary': boundary, 'output': output, 'cval': cval},
        'shape': [C, H, W],
        'expected': [round(float(v), 6) for v in expected.ravel()],
    })

os.makedirs(os.path.join('test', 'golden', 'batch'), exist_ok=True)
with open(os.path.join('test', 'golden', 'batch', 'filter.json'), 'w') as f:
    json.dump({'formula': '(97c + 57y + 23x + 3xy) mod 256', 'cases': cases}, f)
