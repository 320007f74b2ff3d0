"""W1 / W2 anchors: complex 1-D FFT (numpy, scipy workers 1 and 2) and real 2-D FFT (scipy, numpy, OpenCV)."""
import sys

from _harness import main


def _complex(params, seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    n = int(params["n"])
    dtype = np.complex64 if params.get("dtype") == "complex64" else np.complex128
    return (rng.standard_normal(n) + 1j * rng.standard_normal(n)).astype(dtype)


def _image(params, seed):
    import numpy as np

    size = int(params["size"])
    dtype = np.float64 if params.get("dtype") == "float64" else np.float32
    return np.random.default_rng(seed).standard_normal((size, size)).astype(dtype)


def numpy_fft(params, seed, threads):
    import numpy as np

    x = _complex(params, seed)
    return (lambda: np.fft.fft(x)), f"numpy {np.__version__}"


def scipy_fft(workers):
    def prepare(params, seed, threads):
        import scipy
        import scipy.fft as sf

        x = _complex(params, seed)
        return (lambda: sf.fft(x, workers=workers)), f"scipy {scipy.__version__}"

    return prepare


def scipy_rfft2(workers):
    def prepare(params, seed, threads):
        import scipy
        import scipy.fft as sf

        a = _image(params, seed)
        return (lambda: sf.rfft2(a, workers=workers)), f"scipy {scipy.__version__}"

    return prepare


def numpy_rfft2(params, seed, threads):
    import numpy as np

    a = _image(params, seed)
    return (lambda: np.fft.rfft2(a)), f"numpy {np.__version__}"


def cv2_dft(params, seed, threads):
    import cv2

    cv2.setNumThreads(threads)
    a = _image(params, seed)
    # the packed CCS real spectrum is cv2's rfft2
    return (lambda: cv2.dft(a)), f"opencv {cv2.__version__}"


ANCHORS = {
    "numpy.fft.fft": numpy_fft,
    "scipy.fft.fft workers=1": scipy_fft(1),
    "scipy.fft.fft workers=2": scipy_fft(2),
    "scipy.fft.rfft2 workers=1": scipy_rfft2(1),
    "scipy.fft.rfft2 workers=2": scipy_rfft2(2),
    "numpy.fft.rfft2": numpy_rfft2,
    "cv2.dft": cv2_dft,
}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
