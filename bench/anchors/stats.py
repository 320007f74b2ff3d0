"""W9 anchor: statsmodels' ARIMA(2,1,1) fit (default options: L-BFGS on the state-space
likelihood, OPG covariance) on an n-sample series simulated from the same process as W9."""
import sys

from _harness import main


def statsmodels_arima(params, seed, threads):
    import warnings

    import numpy as np
    import statsmodels
    from statsmodels.tsa.arima.model import ARIMA
    from statsmodels.tsa.arima_process import arma_generate_sample

    warnings.simplefilter("ignore")
    n = int(params["n"])
    np.random.seed(seed)
    y = np.cumsum(arma_generate_sample([1, -0.5, 0.2], [1, 0.4], n, burnin=100))

    def call():
        return ARIMA(y, order=(2, 1, 1)).fit().llf

    return call, f"statsmodels {statsmodels.__version__}, numpy {np.__version__}"


ANCHORS = {"statsmodels ARIMA.fit": statsmodels_arima}

if __name__ == "__main__":
    sys.exit(main(ANCHORS))
