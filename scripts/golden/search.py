"""Goldens for src/search: Sobel magnitude with zero padding (scipy.ndimage.sobel, mode='constant')
of a seeded random 28 x 28 image. Run: python3 scripts/golden/search.py"""
import json
import numpy as np
from scipy import ndimage

rng = np.random.default_rng(10)
img = np.round(rng.uniform(0, 255, (28, 28))).astype(np.float64)
gx = ndimage.sobel(img, axis=1, mode='constant')  # derivative along x (columns)
gy = ndimage.sobel(img, axis=0, mode='constant')  # derivative along y (rows)
mag = np.hypot(gx, gy)
with open('test/golden/search/sobel28.json', 'w') as f:
    json.dump({'image': img.ravel().tolist(), 'magnitude': [round(v, 6) for v in mag.ravel().tolist()]}, f)
