#!/usr/bin/python3
"""Golden files for src/stats, made with Debian's python3-statsmodels (0.13.5), scipy and pandas.

Run with Debian's python (it has statsmodels):  /usr/bin/python3 scripts/golden/stats.py
Writes small JSON files into test/golden/stats/. Inputs are stored in the files, so the
TypeScript tests never need python.
"""
import json
import os
import warnings

import numpy as np
import pandas as pd
import scipy
import scipy.ndimage as ndi
import scipy.signal as sig
import statsmodels
from statsmodels.regression.linear_model import burg, yule_walker
from statsmodels.stats.diagnostic import acorr_ljungbox
from statsmodels.tsa.ar_model import AutoReg
from statsmodels.tsa.arima.model import ARIMA
from statsmodels.tsa.arima_process import arma2ma, arma_generate_sample
from statsmodels.tsa.stattools import acf, acovf, levinson_durbin, pacf, pacf_burg

warnings.simplefilter("ignore")
ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
OUT = os.path.join(ROOT, "test", "golden", "stats")
os.makedirs(OUT, exist_ok=True)
VERSIONS = {"statsmodels": statsmodels.__version__, "numpy": np.__version__, "scipy": scipy.__version__, "pandas": pd.__version__}


def L(a):
    return [None if (isinstance(v, float) and np.isnan(v)) else float(v) for v in np.asarray(a, dtype=float).ravel()]


def dump(name, obj):
    obj["versions"] = VERSIONS
    with open(os.path.join(OUT, name), "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    print(name, os.path.getsize(os.path.join(OUT, name)), "bytes")


def sunspots():
    return pd.read_csv(os.path.join(ROOT, "samples", "series", "sunspots.csv"))["SUNACTIVITY"].to_numpy(float)


def nile():
    return pd.read_csv(os.path.join(ROOT, "samples", "series", "nile.csv"))["volume"].to_numpy(float)


rng = np.random.default_rng(20261128)
x200 = np.round(np.cumsum(rng.standard_normal(200)) * 0.3 + rng.standard_normal(200), 6)

# ---- lfilter / filtfilt ----------------------------------------------------------
cases = []
for b, a in [([1.0], [1.0, -0.8]), ([0.2, 0.3, 0.2], [1.0]), ([0.1, 0.2, 0.1], [2.0, -1.2, 0.5]), (sig.butter(4, 0.2)[0], sig.butter(4, 0.2)[1]), ([1, -1], [1, -0.5, 0.25, -0.1])]:
    b = np.asarray(b, float)
    a = np.asarray(a, float)
    zi = sig.lfilter_zi(b, a)
    y, zf = sig.lfilter(b, a, x200[:60], zi=zi * x200[0])
    case = {"b": L(b), "a": L(a), "y": L(sig.lfilter(b, a, x200[:60])), "zi": L(zi), "y_zi": L(y), "zf": L(zf), "filtfilt": {}}
    for padtype in ["odd", "even", "constant", None]:
        case["filtfilt"][str(padtype).lower()] = L(sig.filtfilt(b, a, x200[:60], padtype=padtype))
    case["filtfilt_padlen5"] = L(sig.filtfilt(b, a, x200[:60], padlen=5))
    cases.append(case)
dump("lfilter.json", {"x": L(x200[:60]), "cases": cases})

# ---- smoothing -------------------------------------------------------------------
x = x200[:80]
sm = {"x": L(x), "savgol_coeffs": [], "savgol_filter": [], "gaussian": [], "ewm": [], "rolling": []}
for w, p, dv in [(5, 2, 0), (7, 3, 0), (11, 4, 1), (9, 2, 2), (6, 2, 0)]:
    sm["savgol_coeffs"].append({"window": w, "polyorder": p, "deriv": dv, "coeffs": L(sig.savgol_coeffs(w, p, deriv=dv))})
for w, p, mode in [(7, 2, "interp"), (11, 3, "interp"), (7, 2, "mirror"), (7, 2, "nearest"), (7, 2, "constant"), (7, 2, "wrap")]:
    sm["savgol_filter"].append({"window": w, "polyorder": p, "mode": mode, "y": L(sig.savgol_filter(x, w, p, mode=mode))})
sm["savgol_filter"].append({"window": 9, "polyorder": 3, "mode": "interp", "deriv": 1, "delta": 0.5, "y": L(sig.savgol_filter(x, 9, 3, deriv=1, delta=0.5))})
for s, mode in [(1.5, "reflect"), (3.0, "mirror"), (2.0, "nearest"), (0.7, "wrap"), (2.5, "constant")]:
    sm["gaussian"].append({"sigma": s, "mode": mode, "y": L(ndi.gaussian_filter1d(x, s, mode=mode))})
for alpha in [0.1, 0.3, 0.9]:
    for adjust in [False, True]:
        sm["ewm"].append({"alpha": alpha, "adjust": adjust, "y": L(pd.Series(x).ewm(alpha=alpha, adjust=adjust).mean())})
for w in [3, 4, 7]:
    s = pd.Series(x)
    sm["rolling"].append({"window": w, "causal": L(s.rolling(w).mean()), "centered": L(s.rolling(w, center=True).mean()),
                          "wma_causal": L(s.rolling(w).apply(lambda v: np.dot(v, np.arange(1, w + 1)) / (w * (w + 1) / 2), raw=True))})
dump("smooth.json", sm)

# ---- acf / pacf / AR / portmanteau ------------------------------------------------
np.random.seed(7)
ar2 = arma_generate_sample([1, -0.6, 0.25], [1, 0.3], 400)
ss = sunspots()
corr = {"series": {}}
for name, s in [("arma", ar2), ("sunspots", ss)]:
    c = {"x": L(s)}
    c["acovf"] = L(acovf(s, fft=False)[:30])
    c["acovf_adjusted"] = L(acovf(s, adjusted=True, fft=False)[:30])
    a, ci = acf(s, nlags=25, alpha=0.05, fft=False)
    c["acf"] = L(a)
    c["acf_ci"] = L(ci)
    c["acf_adjusted"] = L(acf(s, nlags=25, adjusted=True, fft=True))
    c["acf_default"] = L(acf(s, fft=True))
    c["pacf"] = {}
    for m in ["ywadjusted", "ywm", "ld", "ldb", "ols", "ols-adjusted"]:
        v, ci = pacf(s, nlags=20, method=m, alpha=0.05)
        c["pacf"][m] = {"pacf": L(v), "ci": L(ci)}
    pb, s2b = pacf_burg(s, nlags=20)  # pacf(method="burg") arrived after statsmodels 0.13
    c["pacf"]["burg"] = {"pacf": L(pb), "sigma2": L(s2b)}
    c["yule_walker"] = {}
    for order in [1, 2, 5]:
        for m in ["adjusted", "mle"]:
            rho, sigma = yule_walker(s, order=order, method=m)
            c["yule_walker"][f"{order}_{m}"] = {"ar": L(rho), "sigma": float(sigma)}
    c["burg"] = {}
    for order in [1, 3, 6]:
        arc, s2 = burg(s, order=order)
        c["burg"][str(order)] = {"ar": L(arc), "sigma2": float(s2)}
    c["autoreg"] = {}
    for order in [1, 3]:
        r = AutoReg(s, lags=order, trend="c").fit()
        c["autoreg"][str(order)] = {"params": L(r.params), "sigma2": float(r.sigma2)}
    sv, arc, pac, _, _ = levinson_durbin(acovf(s, fft=False)[:11], nlags=10, isacov=True)
    c["levinson"] = {"sigma2": float(sv), "ar": L(arc), "pacf": L(pac)}
    lb = acorr_ljungbox(s, lags=12, boxpierce=True, model_df=2, return_df=True)
    c["ljungbox"] = {"lags": 12, "model_df": 2, "lb_stat": L(lb["lb_stat"]), "lb_pvalue": L(lb["lb_pvalue"]), "bp_stat": L(lb["bp_stat"]), "bp_pvalue": L(lb["bp_pvalue"])}
    corr["series"][name] = c
dump("acf.json", corr)

# ---- ARIMA --------------------------------------------------------------------------
np.random.seed(11)
sim_w = arma_generate_sample([1, -0.5, 0.2], [1, 0.4], 600)
sim_y = np.cumsum(sim_w) + 10
sim_ar = arma_generate_sample([1, -0.7], [1], 300) + 5
sim_ma = np.cumsum(arma_generate_sample([1], [1, 0.5, -0.3], 400)) + 0.05 * np.arange(1, 401)
sim_ct = arma_generate_sample([1, -0.6, 0.3], [1], 300) + 2 + 0.02 * np.arange(1, 301)
sim_i2 = np.cumsum(np.cumsum(arma_generate_sample([1, -0.4], [1, 0.3], 250)))
# seasonal: AR(1)×SAR(1)_12 around a constant, and the airline model (0,1,1)×(0,1,1)_12
sar_poly = np.convolve([1, -0.5], np.r_[1, np.zeros(11), -0.4])
sim_sar = arma_generate_sample(sar_poly, [1], 360) + 3
airline_ma = np.convolve([1, -0.4], np.r_[1, np.zeros(11), -0.6])
air_w = arma_generate_sample([1], airline_ma, 300)
air = np.cumsum(air_w)
for t in range(12, len(air)):
    air[t] += air[t - 12]
sim_sma = arma_generate_sample([1, -0.3], np.convolve([1, 0.2], [1, 0, 0, 0, 0.5]), 240)
cases = []
for label, y, order, trend, seasonal in [
    ("sim_arima211", sim_y, (2, 1, 1), "n", (0, 0, 0, 0)),
    ("sim_ar1_const", sim_ar, (1, 0, 0), "c", (0, 0, 0, 0)),
    ("sim_arma11_const", sim_ar, (1, 0, 1), "c", (0, 0, 0, 0)),
    ("sim_ima12_drift", sim_ma, (0, 1, 2), "t", (0, 0, 0, 0)),
    ("sim_ar2_ct", sim_ct, (2, 0, 0), "ct", (0, 0, 0, 0)),
    ("sunspots_arma21", ss, (2, 0, 1), "c", (0, 0, 0, 0)),
    ("sunspots_ar3", ss, (3, 0, 0), "c", (0, 0, 0, 0)),
    ("nile_arima111", nile(), (1, 1, 1), "n", (0, 0, 0, 0)),
    ("nile_arima011", nile(), (0, 1, 1), "n", (0, 0, 0, 0)),
    ("sim_arima121", sim_i2, (1, 2, 1), "n", (0, 0, 0, 0)),
    ("sim_sar1_12_const", sim_sar, (1, 0, 0), "c", (1, 0, 0, 12)),
    ("sim_airline", air, (0, 1, 1), "n", (0, 1, 1, 12)),
    ("sim_sarma_4", sim_sma, (1, 0, 1), "n", (0, 0, 1, 4)),
]:
    # statsmodels' default L-BFGS can stop early on badly scaled trends (sim_ar2_ct: gradient
    # 0.06 on the drift); polishing with statsmodels' own BFGS from there reaches the optimum.
    # The reference is the better of the two; the default fit's llf is kept for the record.
    r0 = ARIMA(y, order=order, seasonal_order=seasonal, trend=trend).fit()
    polish = dict(method="bfgs", maxiter=1000, gtol=1e-8)
    r1 = ARIMA(y, order=order, seasonal_order=seasonal, trend=trend).fit(start_params=r0.params, method_kwargs=dict(polish))
    r = r1 if r1.llf > r0.llf else r0
    ra = ARIMA(y, order=order, seasonal_order=seasonal, trend=trend).fit(start_params=r.params, cov_type="approx", method_kwargs=dict(polish))
    fc = r.get_forecast(12)
    d = order[1] + seasonal[1] * seasonal[3]
    cases.append({
        "label": label, "y": L(y), "order": list(order), "seasonal": list(seasonal), "trend": trend,
        "converged": bool(r.mle_retvals["converged"]), "param_names": list(r.param_names),
        "params": L(r.params), "bse": L(r.bse), "bse_approx": L(ra.bse),
        "llf": float(r.llf), "llf_default_fit": float(r0.llf), "polished": bool(r is r1), "aic": float(r.aic), "aicc": float(r.aicc), "bic": float(r.bic), "hqic": float(r.hqic),
        "nobs_effective": int(r.nobs_effective),
        "resid": L(r.resid[d:]), "forecast": L(fc.predicted_mean), "forecast_se": L(fc.se_mean),
        "conf_int": L(fc.conf_int(alpha=0.05)), "conf_int_80": L(fc.conf_int(alpha=0.2)),
    })
impulse = []
for ar, ma in [([0.5, -0.2], [0.4]), ([0.9], []), ([], [0.3, 0.2]), ([1.2, -0.5, 0.1], [-0.3, 0.1])]:
    impulse.append({"ar": ar, "ma": ma, "psi": L(arma2ma(np.r_[1, -np.asarray(ar, float)], np.r_[1, np.asarray(ma, float)], lags=20))})
dump("arima.json", {"cases": cases, "impulse": impulse})

# ---- whitening ----------------------------------------------------------------------
A = rng.standard_normal((4, 4))
X = rng.standard_normal((300, 4)) @ A + np.array([1.0, -2.0, 0.5, 3.0])
C = np.cov(X, rowvar=False)
vals, vecs = np.linalg.eigh(C)
sym = rng.standard_normal((7, 7))
sym = sym + sym.T
sv, svec = np.linalg.eigh(sym)
wh = {"X": L(X), "rows": 300, "cols": 4, "cov": L(C), "eigvals": L(vals), "eigvecs": L(vecs), "sym": L(sym), "sym_eigvals": L(sv), "sym_eigvecs": L(svec)}
for eps in [0.0, 0.1]:
    W = vecs @ np.diag(1 / np.sqrt(vals + eps)) @ vecs.T
    wh[f"zca_{eps}"] = L((X - X.mean(0)) @ W)
    order = np.argsort(vals)[::-1]
    P = vecs[:, order] @ np.diag(1 / np.sqrt(vals[order] + eps))
    wh[f"pca_{eps}"] = L((X - X.mean(0)) @ P)
wh["standardize"] = L((X - X.mean(0)) / X.std(0, ddof=1))
dump("whiten.json", wh)
