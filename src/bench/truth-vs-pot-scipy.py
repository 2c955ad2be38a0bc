"""Agreement of `measure` with POT and scipy on random seeded cases (run with /usr/bin/python3).

  1-D W1   vs scipy.stats.wasserstein_distance (weighted, unequal sizes)   -> 1e-9 relative
  2-D W1   vs ot.emd2 on ot.dist(..., 'euclidean') (weighted, unequal)    -> 1e-9 relative
  2-D W1   on peer_pot_emd.py's own point sets (numpy default_rng(1))     -> 1e-9 relative
  Sinkhorn vs ot.sinkhorn2(method='sinkhorn_log') with the same epsilon  -> 1e-6 relative (both iterate to
           marginal errors ~1e-9..1e-12; the value's sensitivity to that residue is what limits agreement)

Usage: /usr/bin/python3 src/bench/truth-vs-pot-scipy.py [path/to/divergence-lab.jar]
Exit status 1 if any case is outside its tolerance."""
import os, subprocess, sys, tempfile
import numpy as np, ot, scipy
from scipy.stats import wasserstein_distance

JAR = sys.argv[1] if len(sys.argv) > 1 else "target/divergence-lab.jar"
tmp = tempfile.mkdtemp(prefix="truth-vs-pot-")

def write(name, pts, w=None):
    path = os.path.join(tmp, name)
    pts = np.atleast_2d(pts.T).T if pts.ndim == 1 else pts
    with open(path, "w") as f:
        cols = ["x", "y"][: pts.shape[1]] + (["weight"] if w is not None else [])
        f.write(",".join(cols) + "\n")
        for i in range(pts.shape[0]):
            row = [repr(float(v)) for v in pts[i]] + ([repr(float(w[i]))] if w is not None else [])
            f.write(",".join(row) + "\n")
    return path

def measure(*args):
    r = subprocess.run(["java", "-jar", JAR, "measure", *args], capture_output=True, text=True)
    if r.returncode != 0:
        raise SystemExit("measure failed: " + r.stderr)
    return float(r.stdout.strip())

failures = 0
def check(label, ours, ref, tol):
    global failures
    rel = abs(ours - ref) / max(abs(ref), 1e-300)
    ok = rel <= tol
    failures += not ok
    print(f"{'ok  ' if ok else 'FAIL'} {label:44s} ours={ours:.15g} ref={ref:.15g} rel={rel:.2e} (tol {tol:g})")

print(f"POT {ot.__version__}, scipy {scipy.__version__}, numpy {np.__version__}")
rng = np.random.default_rng(2026)
for case in range(6):
    n1, n2 = rng.integers(5, 400, size=2)
    x = rng.normal(0, 1, n1); y = rng.normal(0.7, 1.5, n2)
    wx = rng.uniform(0.1, 1, n1); wy = rng.uniform(0.1, 1, n2)
    ours = measure("--metric", "w1", "--p", write("x.csv", x, wx), "--q", write("y.csv", y, wy))
    check(f"1-D W1 weighted n1={n1} n2={n2}", ours, wasserstein_distance(x, y, wx, wy), 1e-9)
for case in range(6):
    n1, n2 = rng.integers(20, 600, size=2)
    x = rng.normal(0, 1, (n1, 2)); y = rng.normal(0, 1, (n2, 2)) * [1.0, 2.0] + [1.0, -0.5]
    weighted = case % 2 == 1
    a = rng.uniform(0.1, 1, n1) if weighted else np.ones(n1)
    b = rng.uniform(0.1, 1, n2) if weighted else np.ones(n2)
    ref = ot.emd2(a / a.sum(), b / b.sum(), ot.dist(x, y, metric="euclidean"), numItermax=10**8)
    ours = measure("--metric", "w1", "--p", write("x2.csv", x, a if weighted else None),
                   "--q", write("y2.csv", y, b if weighted else None))
    check(f"2-D W1 {'weighted' if weighted else 'uniform '} n1={n1} n2={n2}", ours, float(ref), 1e-9)
for n in (1000, 2000):
    r = np.random.default_rng(1)  # exactly peer_pot_emd.py's point sets
    x = r.normal(0, 1, (n, 2)); y = r.normal(0, 1, (n, 2)) + np.array([1.0, 0.5])
    ref = ot.emd2(np.ones(n) / n, np.ones(n) / n, ot.dist(x, y, metric="euclidean"), numItermax=10**8)
    ours = measure("--metric", "w1", "--p", write("px.csv", x), "--q", write("py.csv", y))
    check(f"2-D W1 peer_pot_emd.py points n={n}", ours, float(ref), 1e-9)
for eps in (0.5, 0.1):
    n1, n2 = 150, 120
    x = rng.normal(0, 1, (n1, 2)); y = rng.normal(0, 1, (n2, 2)) + [1.0, 0.5]
    a = np.ones(n1) / n1; b = np.ones(n2) / n2
    ref = ot.sinkhorn2(a, b, ot.dist(x, y, metric="euclidean"), eps, method="sinkhorn_log",
                       numItermax=100000, stopThr=1e-12)
    ours = measure("--metric", "sinkhorn", "--epsilon", str(eps), "--p", write("sx.csv", x), "--q", write("sy.csv", y))
    check(f"Sinkhorn eps={eps} n1={n1} n2={n2}", ours, float(ref), 1e-6)
print("all agree" if failures == 0 else f"{failures} case(s) outside tolerance")
sys.exit(1 if failures else 0)
