"""Golden files for src/match (template matching), made by OpenCV's cv2.matchTemplate.

Run from the repository root with Debian's python, which has OpenCV
(`apt-get install -y python3-opencv`):

    /usr/bin/python3 scripts/golden/match.py

It writes test/golden/match/cv2.npz + cv2.json. Images are stored planar [C, H, W] (or
[H, W]) float32 — the layout convolab uses — and passed to OpenCV as [H, W, C]. Each case names
the method and the members holding the image, template, optional mask and OpenCV's result.
Cases: random 1- and 3-channel float32, a real photo crop (samples/astronaut.png) with a
noisy template, float-weight and binary (uint8) masks, 1-channel masks on 3-channel images.
"""

import json
import os

import cv2
import numpy as np

OUT = os.path.join('test', 'golden', 'match')
METHODS = {
    'sqdiff': cv2.TM_SQDIFF,
    'sqdiff_normed': cv2.TM_SQDIFF_NORMED,
    'ccorr': cv2.TM_CCORR,
    'ccorr_normed': cv2.TM_CCORR_NORMED,
    'ccoeff': cv2.TM_CCOEFF,
    'ccoeff_normed': cv2.TM_CCOEFF_NORMED,
}
cases = []
arrays = {}


def save(name, arr):
    """Integer-valued 0..255 inputs are stored as uint8 (they compress); the rest as is."""
    if arr.dtype == np.float32 and arr.min() >= 0 and arr.max() <= 255 and np.all(arr == np.round(arr)) and not name.endswith('_out'):
        arr = arr.astype(np.uint8)
    arrays[name] = np.ascontiguousarray(arr)
    return name


def hwc(a):
    """[C, H, W] -> [H, W, C] (OpenCV's layout); [H, W] unchanged."""
    return a if a.ndim == 2 else np.ascontiguousarray(np.moveaxis(a, 0, -1))


def add(name, img, tpl, mask=None):
    """All six methods on one input set; img / tpl / mask planar."""
    members = dict(image=save(name + '_image', img), template=save(name + '_template', tpl))
    if mask is not None:
        members['mask'] = save(name + '_mask', mask)
    for method, code in METHODS.items():
        args = [hwc(img), hwc(tpl), code]
        if mask is None:
            out = cv2.matchTemplate(*args)
        else:
            out = cv2.matchTemplate(*args, mask=hwc(mask))
        cases.append(dict(name=f'{name}_{method}', method=method, out=save(f'{name}_{method}_out', out.astype(np.float32)), **members))


def main():
    rng = np.random.default_rng(20261128)
    u = lambda shape: rng.integers(0, 256, shape).astype(np.float32)  # noqa: E731
    noisy = lambda a, s: np.clip(np.round(a + rng.normal(0, s, a.shape)), 0, 255).astype(np.float32)  # noqa: E731

    add('random_gray', u((30, 36)), u((7, 10)))
    add('random_rgb', u((3, 24, 26)), u((3, 6, 5)))
    img = u((3, 26, 24))
    add('random_rgb_crop', img, noisy(img[:, 9:17, 4:15], 5))

    # a real photo: a 48x48 crop of the astronaut, template cut from it with noise added
    photo = cv2.cvtColor(cv2.imread(os.path.join('samples', 'astronaut.png')), cv2.COLOR_BGR2RGB)
    crop = np.moveaxis(photo[56:96, 194:234], -1, 0).astype(np.float32)  # [3, 40, 40]
    tpl = noisy(crop[:, 12:28, 15:33], 8)
    add('photo_rgb', crop, tpl)
    gray = np.round(crop.mean(axis=0)).astype(np.float32)
    add('photo_gray', gray, gray[20:32, 8:21].copy())

    # masks: float weights and binary uint8, shared by channels or per channel
    weights = rng.uniform(0, 1, (7, 10)).astype(np.float32)
    add('masked_gray_weights', u((28, 30)), u((7, 10)), weights)
    binary = np.where(rng.uniform(0, 1, (6, 5)) > 0.3, 255, 0).astype(np.uint8)
    add('masked_rgb_binary', u((3, 26, 30)), u((3, 6, 5)), binary)
    add('masked_rgb_weights3', u((3, 25, 22)), u((3, 5, 7)), rng.uniform(0, 1, (3, 5, 7)).astype(np.float32))
    disk = np.zeros((16, 18), np.uint8)
    yy, xx = np.mgrid[:16, :18]
    disk[(yy - 7.5) ** 2 + (xx - 8.5) ** 2 < 60] = 1
    add('masked_photo_disk', crop, tpl, disk)

    os.makedirs(OUT, exist_ok=True)
    np.savez_compressed(os.path.join(OUT, 'cv2.npz'), **arrays)
    with open(os.path.join(OUT, 'cv2.json'), 'w') as f:
        json.dump(dict(generator='scripts/golden/match.py', opencv=cv2.__version__, cases=cases), f, indent=0)
    print(f'{len(cases)} cases, opencv {cv2.__version__}')


if __name__ == '__main__':
    main()
