#!/usr/bin/env bash
# Single-thread SGEMM: our compute.Gemm (vector path, scalar fallback), EJML and torch.mm, same shapes,
# one shape after the other in the same run (ours, then torch), so machine load hits both alike.
# Usage: src/bench/gemm-vs-torch.sh [REPEATS [ROUNDS]]   (from the repository root, after mvn -B -q package -DskipTests)
# Needs /usr/bin/python3 with torch: bash ../shared/bench/setup-peers.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
REPEATS="${1:-7}"
ROUNDS="${2:-3}"
JAR=target/divergence-lab.jar
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -B -q package -DskipTests first" >&2; exit 1; }
/usr/bin/python3 -c 'import torch' 2>/dev/null || { echo "no torch for /usr/bin/python3: bash ../shared/bench/setup-peers.sh" >&2; exit 1; }

# Debian's torch calls the pthread OpenBLAS, which ignores torch.set_num_threads(1): without these it used
# both cores here (175-184 GFLOP/s on 256x512x512 with the machine idle, ~100 with one thread).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

TORCH_PY=$(cat <<'PY'
import sys, time, statistics, torch
torch.set_num_threads(1)
name, repeats = sys.argv[1], int(sys.argv[2])
parts = name.split('-')               # gemm[-tn]-MxNxK
t = parts[1] if len(parts) == 3 else 'nn'
m, n, k = map(int, parts[-1].split('x'))
g = torch.Generator().manual_seed(1)
a = torch.rand((k, m) if t[0] == 't' else (m, k), generator=g) * 2 - 1
b = torch.rand((n, k) if t[1] == 't' else (k, n), generator=g) * 2 - 1
x = a.t() if t[0] == 't' else a        # transposed views: torch passes the flags to BLAS, no copy
y = b.t() if t[1] == 't' else b
c = torch.empty(m, n)
flops = 2.0 * m * n * k
calls = max(1, round(1e9 / flops))
for _ in range(2):
    for _ in range(calls): torch.mm(x, y, out=c)
times, cpu = [], []
for _ in range(repeats):
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(calls): torch.mm(x, y, out=c)
    times.append(time.perf_counter() - t0); cpu.append(time.process_time() - c0)
# CPU time / wall time above ~1.1 would mean torch ran on more than one thread: refuse to compare.
if sum(cpu) / sum(times) > 1.1: sys.exit('torch used %.2f cores' % (sum(cpu) / sum(times)))
print('%.2f' % (flops * calls / statistics.median(times) * 1e-9))
PY
)

echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -1) (family $(lscpu | sed -n 's/^CPU family: *//p') model $(lscpu | sed -n 's/^Model: *//p'), $(grep -c avx512f /proc/cpuinfo >/dev/null && echo AVX-512 || echo no AVX-512)), $(getconf _NPROCESSORS_ONLN) cores; JDK 25 via the jar launcher; torch $(/usr/bin/python3 -c 'import torch; print(torch.__version__)') (1 thread)"
printf '%-22s %9s %9s %9s %9s %10s %10s\n' workload ours scalar EJML torch ours/torch ours/EJML
maxof() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b + 0 > a + 0) ? b : a }'; }
for w in $(java -jar "$JAR" bench --list 2>/dev/null | awk '/^gemm/ {print $1}'); do
    ours=""; scalar=""; ejml=""; torch=""
    # ROUNDS alternating rounds (ours, torch, ours, torch, ...), each a median of REPEATS; keep each side's
    # best median, so a burst of load from other processes in one round does not decide the ratio.
    for _ in $(seq "$ROUNDS"); do
        line=$(java -jar "$JAR" bench --workload "$w" --repeats "$REPEATS" 2>/dev/null)
        ours=$(maxof "$ours" "$(sed -n 's/^[^:]*: \([0-9.]*\) GFLOP.*/\1/p' <<<"$line")")
        scalar=$(maxof "$scalar" "$(sed -n 's/.*scalar \([0-9.]*\) GFLOP.*/\1/p' <<<"$line")")
        ejml=$(maxof "$ejml" "$(sed -n 's/.*EJML \([0-9.]*\) GFLOP.*/\1/p' <<<"$line")")
        torch=$(maxof "$torch" "$(/usr/bin/python3 -c "$TORCH_PY" "$w" "$REPEATS")")
    done
    printf '%-22s %9s %9s %9s %9s %10.2f %10.2f\n' "$w" "$ours" "$scalar" "$ejml" "$torch" \
        "$(echo "$ours / $torch" | bc -l)" "$(echo "$ours / $ejml" | bc -l)"
done
echo "GFLOP/s = 2·m·n·k per call ÷ median time of REPEATS=$REPEATS, best of ROUNDS=$ROUNDS alternating rounds; names are gemm[-{tn,nt}]-MxNxK (C is MxN, inner K)."
