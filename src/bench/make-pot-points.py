"""Writes the exact point sets of ../shared/bench/peer_pot_emd.py (numpy default_rng(1): x ~ N(0, I), then
y ~ N(0, I) + (1, 0.5), n x 2 each) as little-endian float64 (x then y, row-major) for the w1-2d-N workloads,
so `bench --workload w1-2d-N` solves exactly the problem POT solves. numpy's generator cannot be reproduced
in Java, hence the data file. Usage: /usr/bin/python3 src/bench/make-pot-points.py"""
import os, numpy as np
out = os.path.join(os.path.dirname(__file__), "..", "main", "resources", "org", "divergencelab", "bench")
for n in (300, 1000, 2000):
    rng = np.random.default_rng(1)
    x = rng.normal(0, 1, (n, 2)); y = rng.normal(0, 1, (n, 2)) + np.array([1.0, 0.5])
    with open(os.path.join(out, f"pot-points-{n}.f64"), "wb") as f:
        f.write(np.concatenate([x.ravel(), y.ravel()]).astype("<f8").tobytes())
    print(n, x[0], y[0])
