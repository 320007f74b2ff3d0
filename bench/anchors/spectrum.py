"""WS1 / WS2 anchors: frequency-domain Gaussian low-pass and a JPEG-style 8x8 DCT round trip.

WS1: scipy.fft.rfft2 -> scipy.ndimage.fourier_gaussian -> irfft2 (what convolab's frequency filter
     with wrap padding computes), and cv2.GaussianBlur with the same sigma (spatial, for scale).
WS2: scipy.fft.dctn over 8x8 blocks with the IJG quality-50 tables (YCbCr 4:4:4), and
     cv2.imencode / imdecode JPEG at quality 50 (libjpeg, with chroma subsampling as OpenCV does).
"""
import sys

from _harness import main

SIGMA = 5.0
LUMA = [16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99]
CHROMA = [17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99, 24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99] + [99] * 32


def _noise(params, seed):
    import numpy as np

    size = int(params["size"])
    return np.random.default_rng(seed).standard_normal((size, size)).astype(np.float32)


def _photo(params, seed):
    import numpy as np
    import scipy.fft as sf
    from scipy import ndimage

    size = int(params["size"])
    rng = np.random.default_rng(seed)
    noise = rng.uniform(0, 255, (size, size, 3)).astype(np.float32)
    smooth = np.real(sf.ifft2(ndimage.fourier_gaussian(sf.fft2(noise, axes=(0, 1)), [1 / (2 * np.pi * 0.02)] * 2 + [0]), axes=(0, 1)))
    return np.clip(128 + 8 * (smooth - 127.5) + rng.normal(0, 3, smooth.shape), 0, 255).astype(np.float32)


def fourier_gaussian(params, seed, threads):
    import scipy
    import scipy.fft as sf
    from scipy import ndimage

    a = _noise(params, seed)
    n = a.shape[1]
    return (lambda: sf.irfft2(ndimage.fourier_gaussian(sf.rfft2(a), SIGMA, n=n), s=a.shape)), f"scipy {scipy.__version__}"


def gaussian_blur(params, seed, threads):
    import cv2

    cv2.setNumThreads(threads)
    a = _noise(params, seed)
    return (lambda: cv2.GaussianBlur(a, (0, 0), SIGMA)), f"opencv {cv2.__version__}"


def _table(base, quality):
    import numpy as np

    scale = 5000 // quality if quality < 50 else 200 - 2 * quality
    return np.clip((np.array(base) * scale + 50) // 100, 1, 32767).reshape(8, 8).astype(np.float64)


def dctn_blocks(params, seed, threads):
    import numpy as np
    import scipy
    import scipy.fft as sf

    rgb = _photo(params, seed).astype(np.float64)
    q = 50
    tables = [_table(LUMA, q), _table(CHROMA, q), _table(CHROMA, q)]
    m = np.array([[0.299, 0.587, 0.114], [-0.168736, -0.331264, 0.5], [0.5, -0.418688, -0.081312]])

    def run():
        ycc = rgb @ m.T + [0, 128, 128]
        h, w = ycc.shape[:2]
        out = np.empty_like(ycc)
        for c in range(3):
            blocks = (ycc[:, :, c] - 128).reshape(h // 8, 8, w // 8, 8)
            coef = sf.dctn(blocks, axes=(1, 3), norm="ortho")
            t = tables[c][None, :, None, :]
            quant = np.round(coef / t)
            out[:, :, c] = (sf.idctn(quant * t, axes=(1, 3), norm="ortho") + 128).reshape(h, w)
        back = (out - [0, 128, 128]) @ np.linalg.inv(m).T
        return np.clip(np.round(back), 0, 255)

    return run, f"scipy {scipy.__version__}"


def imencode(params, seed, threads):
    import cv2
    import numpy as np

    cv2.setNumThreads(threads)
    a = _photo(params, seed).astype(np.uint8)

    def run():
        ok, buf = cv2.imencode(".jpg", a, [cv2.IMWRITE_JPEG_QUALITY, 50])
        return cv2.imdecode(buf, cv2.IMREAD_COLOR)

    return run, f"opencv {cv2.__version__}"


ANCHORS = {
    "scipy.ndimage.fourier_gaussian": fourier_gaussian,
    "cv2.GaussianBlur": gaussian_blur,
    "scipy.fft.dctn blocks": dctn_blocks,
    "cv2.imencode jpeg": imencode,
}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
