"""Shared driver of the python anchors of `convolab bench --compare`.

Each `bench/anchors/wN.py` maps anchor names to a `prepare(params, seed)` that imports its
library, builds fresh seeded random data for the case, and returns the call to time. The
CLI runs `python3 wN.py` with one JSON request on stdin:

    {"anchor": "numpy.dot", "params": {"n": 1000000}, "seed": 1, "threads": 2,
     "warmup": 1, "warmup_ms": 100, "repeats": 5}

and reads one JSON line on stdout: {"median_ms", "min_ms", "samples_ms", "runtime"}, or
{"missing": reason} when the library cannot be imported (never an error exit for that).
"""
import json
import os
import sys
import time


def _limit_threads(threads):
    # Must happen before numpy / scipy / torch load their thread pools.
    for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS", "VECLIB_MAXIMUM_THREADS"):
        os.environ[var] = str(threads)


def main(anchors):
    request = json.loads(sys.stdin.read())
    name = request["anchor"]
    if name not in anchors:
        print(json.dumps({"error": f"unknown anchor {name!r}; this script has {sorted(anchors)}"}))
        return 1
    _limit_threads(int(request.get("threads", 1)))
    try:
        call, runtime = anchors[name](request["params"], int(request.get("seed", 1)), int(request.get("threads", 1)))
    except ImportError as err:
        print(json.dumps({"missing": f"{err}"}))
        return 0
    # Warm-up as in convolab's timing: at least `warmup` calls, continued until `warmup_ms` passed.
    warmup = int(request.get("warmup", 1))
    warmup_s = float(request.get("warmup_ms", 100)) / 1000.0
    start = time.perf_counter()
    done = 0
    while done < warmup or (warmup > 0 and time.perf_counter() - start < warmup_s):
        call()
        done += 1
    samples = []
    for _ in range(int(request.get("repeats", 5))):
        t0 = time.perf_counter()
        call()
        samples.append((time.perf_counter() - t0) * 1000.0)
    ordered = sorted(samples)
    mid = len(ordered) // 2
    median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
    print(json.dumps({"median_ms": median, "min_ms": ordered[0], "samples_ms": samples, "runtime": runtime}))
    return 0
