#!/usr/bin/env bash
# Exact 2-D W1, ours vs POT's C++ network simplex, side by side in one run.
#   ours: java -jar target/divergence-lab.jar bench --workload w1-2d-N (cold solve incl. cost matrix, median)
#   POT:  /usr/bin/python3 ../shared/bench/peer_pot_emd.py N        (ot.dist + ot.emd2, median of 3)
# Both solve the same problem: n points of numpy's default_rng(1) from N(0, I) and n from N((1, 0.5), I)
# (the workload reads them from a resource written by src/bench/make-pot-points.py), so the last column
# compares the two W1 values. Usage: src/bench/w1-vs-pot.sh [N ...]   (default 300 1000 2000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${JAR:-$root/target/divergence-lab.jar}"
peer="${PEER:-$root/../shared/bench/peer_pot_emd.py}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(300 1000 2000)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
printf '%-6s %10s %10s %9s %18s  %-14s %-10s %s\n' n ours_ms pot_ms pot/ours ours_warm_drag_ms W1_ours W1_pot rel_diff
for n in "${sizes[@]}"; do
  ours_line=$(java -jar "$jar" bench --workload "w1-2d-$n" --repeats 7 --warmup 3 2>/dev/null)
  pot_line=$(/usr/bin/python3 "$peer" "$n")
  ours_ms=$(sed -E 's/^[^:]*: ([0-9.]+) ms.*/\1/' <<<"$ours_line")
  warm_ms=$(sed -E 's/.*warm-drag=([0-9.]+) ms.*/\1/' <<<"$ours_line")
  ours_w=$(sed -E 's/.*W1=([0-9.]+).*/\1/' <<<"$ours_line")
  pot_ms=$(sed -E 's/.*: ([0-9.]+) ms.*/\1/' <<<"$pot_line")
  pot_w=$(sed -E 's/.*W1=([0-9.]+).*/\1/' <<<"$pot_line")
  ratio=$(awk -v a="$pot_ms" -v b="$ours_ms" 'BEGIN{printf "%.2f", a/b}')
  rel=$(awk -v a="$ours_w" -v b="$pot_w" 'BEGIN{d=a-b; if (d<0) d=-d; printf "%.1e", d/b}')
  printf '%-6s %10s %10s %9s %18s  %-14s %-10s %s\n' "$n" "$ours_ms" "$pot_ms" "${ratio}x" "$warm_ms" "$ours_w" "$pot_w" "$rel"
done
