"""W0 anchors: float64 dot product of two random vectors of length n."""
import sys

from _harness import main


def numpy_dot(params, seed, threads):
    import numpy as np

    rng = np.random.default_rng(seed)
    n = int(params["n"])
    a = rng.uniform(-1.0, 1.0, n)
    b = rng.uniform(-1.0, 1.0, n)
    return (lambda: np.dot(a, b)), f"numpy {np.__version__}"


ANCHORS = {"numpy.dot": numpy_dot}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
