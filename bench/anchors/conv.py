"""W3 / W4 / W5 / W7 anchors: 2-D filtering (OpenCV, scipy.ndimage), FFT convolution (scipy.signal).

Each anchor gets the case's parameters and the thread count convolab used: OpenCV through
cv2.setNumThreads, scipy.fft through scipy.fft.set_workers (what fftconvolve / oaconvolve use).
`output: reuse` cases write into one preallocated array (cv2 `dst=`, scipy `output=`).
"""
import sys

from _harness import main


def _image(params, seed, shape=None):
    import numpy as np

    n = int(params.get("size", 0))
    return np.random.default_rng(seed).standard_normal(shape or (n, n)).astype(np.float32)


def _kernel(params, seed):
    kn = int(params["kernel"])
    return _image(params, seed + 1, (kn, kn))


def _reuse(params, a):
    import numpy as np

    return np.empty_like(a) if params.get("output") == "reuse" else None


def cv2_filter2d(params, seed, threads):
    import cv2

    cv2.setNumThreads(threads)
    x = _image(params, seed)
    k = _kernel(params, seed)
    # W3: mirror border (BORDER_REFLECT_101); W5: zero border, as fftconvolve
    border = cv2.BORDER_CONSTANT if params.get("boundary") == "constant" else cv2.BORDER_REFLECT_101
    out = _reuse(params, x)
    if out is not None:
        return (lambda: cv2.filter2D(x, -1, k, dst=out, borderType=border)), f"opencv {cv2.__version__}"
    return (lambda: cv2.filter2D(x, -1, k, borderType=border)), f"opencv {cv2.__version__}"


def scipy_ndimage_convolve(params, seed, threads):
    import scipy
    import scipy.ndimage as nd

    x = _image(params, seed)
    k = _kernel(params, seed)
    out = _reuse(params, x)
    return (lambda: nd.convolve(x, k, output=out, mode="mirror")), f"scipy {scipy.__version__}"


def cv2_gaussian_blur(params, seed, threads):
    import cv2

    cv2.setNumThreads(threads)
    x = _image(params, seed)
    sigma = float(params["sigma"])
    out = _reuse(params, x)
    if out is not None:
        return (lambda: cv2.GaussianBlur(x, (0, 0), sigma, dst=out, borderType=cv2.BORDER_REFLECT_101)), f"opencv {cv2.__version__}"
    return (lambda: cv2.GaussianBlur(x, (0, 0), sigma, borderType=cv2.BORDER_REFLECT_101)), f"opencv {cv2.__version__}"


def scipy_gaussian_filter(params, seed, threads):
    import scipy
    import scipy.ndimage as nd

    x = _image(params, seed)
    sigma = float(params["sigma"])
    out = _reuse(params, x)
    return (lambda: nd.gaussian_filter(x, sigma, output=out, mode="mirror", truncate=4.0)), f"scipy {scipy.__version__}"


def _with_workers(threads, fn):
    import scipy.fft

    def call():
        with scipy.fft.set_workers(threads):
            return fn()

    return call


def scipy_fftconvolve_2d(params, seed, threads):
    import scipy
    import scipy.signal as ss

    x = _image(params, seed)
    k = _kernel(params, seed)
    return _with_workers(threads, lambda: ss.fftconvolve(x, k, mode="same")), f"scipy {scipy.__version__} workers={threads}"


def _signal(params, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    return rng.standard_normal(int(params["n"])), np.random.default_rng(seed + 1).standard_normal(int(params["kernel"]))


def scipy_1d(name):
    def prepare(params, seed, threads):
        import scipy
        import scipy.signal as ss

        x, k = _signal(params, seed)
        fn = getattr(ss, name)
        return _with_workers(threads, lambda: fn(x, k)), f"scipy {scipy.__version__} workers={threads}"

    return prepare


def fftconvolve(params, seed, threads):
    # W5 (2-D image) or W7 (1-D signal), told apart by the case's parameters
    if "n" in params:
        return scipy_1d("fftconvolve")(params, seed, threads)
    return scipy_fftconvolve_2d(params, seed, threads)


ANCHORS = {
    "cv2.filter2D": cv2_filter2d,
    "scipy.ndimage.convolve": scipy_ndimage_convolve,
    "cv2.GaussianBlur": cv2_gaussian_blur,
    "scipy.ndimage.gaussian_filter": scipy_gaussian_filter,
    "scipy.signal.fftconvolve": fftconvolve,
    "scipy.signal.oaconvolve": scipy_1d("oaconvolve"),
}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
