"""W6 anchors: template matching of a size x size float32 image with a template x template
template (TM_CCOEFF_NORMED / skimage's normalised cross-correlation), seeded uniform 0..255 data.
W6b anchor: normalised cross-correlation of a clip in a long signal (numpy FFT, scipy.signal)."""
import sys

from _harness import main


def _data(params, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    size = int(params.get("size", 2048))
    t = int(params.get("template", 128))
    img = rng.uniform(0, 255, (size, size)).astype(np.float32)
    tpl = rng.uniform(0, 255, (t, t)).astype(np.float32)
    return img, tpl


def cv2_match(params, seed, threads):
    import cv2

    cv2.setNumThreads(threads)
    img, tpl = _data(params, seed)
    return (lambda: cv2.matchTemplate(img, tpl, cv2.TM_CCOEFF_NORMED)), f"opencv {cv2.__version__}"


def skimage_match(params, seed, threads):
    import skimage
    from skimage.feature import match_template

    img, tpl = _data(params, seed)
    return (lambda: match_template(img, tpl)), f"scikit-image {skimage.__version__}"


def scipy_snippet(params, seed, threads):
    """Pearson correlation of the clip with every window: one FFT correlation + cumulative sums."""
    import numpy as np
    import scipy
    from scipy import signal as sig

    rate = 44100
    rng = np.random.default_rng(seed)
    n = int(params["n"])
    m = int(round(float(params["template"]) * rate))
    x = rng.normal(0, 0.2, n).astype(np.float32)
    at = n // 3
    clip = x[at : at + m] + rng.normal(0, 0.1, m).astype(np.float32)

    def run():
        t = clip.astype(np.float64) - clip.mean()
        num = sig.correlate(x.astype(np.float64), t, mode="valid", method="fft")
        c1 = np.concatenate(([0.0], np.cumsum(x, dtype=np.float64)))
        c2 = np.concatenate(([0.0], np.cumsum(x.astype(np.float64) ** 2)))
        s1 = c1[m:] - c1[:-m]
        energy = (c2[m:] - c2[:-m]) - s1 * s1 / m
        score = num / np.sqrt(np.maximum(energy, 1e-300) * (t @ t))
        return int(np.argmax(score))

    return run, f"scipy {scipy.__version__}"


ANCHORS = {"cv2.matchTemplate": cv2_match, "skimage.match_template": skimage_match, "scipy.signal.correlate": scipy_snippet}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
