#!/usr/bin/env bash
# Exact 2-D W1, ours vs POT's C++ network simplex, side by side in one run.
#   ours: java -jar target/divergence-lab.jar bench --workload w1-2d-N --repeats 7 --warmup W (W = 40 for
#         n <= 500, else 3; a cold solve including the cost matrix; median of 7)
#   POT:  /usr/bin/python3 ../shared/bench/peer_pot_emd.py N   (ot.dist + ot.emd2; median of 3)
# The pair is run ROUNDS times (default 3), interleaved, and the medians over rounds are reported, so a
# load spike on a shared machine hits both sides. Both solve the same problem: n points of numpy's
# default_rng(1) from N(0, I) and n from N((1, 0.5), I) (the workload reads them from a resource written by
# src/bench/make-pot-points.py); the last columns compare the two W1 values (POT prints 6 decimals).
# Usage: [ROUNDS=R] src/bench/w1-vs-pot.sh [N ...]   (default 300 1000 2000)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="${JAR:-$root/target/divergence-lab.jar}"
peer="${PEER:-$root/../shared/bench/peer_pot_emd.py}"
rounds="${ROUNDS:-3}"
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(300 1000 2000)
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{v[NR]=$1} END{print (NR%2)?v[(NR+1)/2]:(v[NR/2]+v[NR/2+1])/2}'; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "rounds: $rounds (medians over rounds; per-round ours/POT ms in brackets)"
printf '%-6s %9s %9s %9s %9s %12s  %-12s %-9s %s\n' n ours_ms pot_ms pot/ours ours_cpu warm_drag_ms W1_ours W1_pot rounds
for n in "${sizes[@]}"; do
  # Small solves get more warm-up so the JIT reaches its optimising tier, as it does in the app, which
  # re-solves every frame (POT's C++ needs none).
  warmup=3; [ "$n" -le 500 ] && warmup=40
  ours_all=""; pot_all=""; warm_all=""; cpu_all=""; detail=""
  for r in $(seq "$rounds"); do
    ours_line=$(java -jar "$jar" bench --workload "w1-2d-$n" --repeats 7 --warmup "$warmup" 2>/dev/null)
    pot_line=$(/usr/bin/python3 "$peer" "$n")
    o=$(sed -E 's/^[^:]*: ([0-9.]+) ms.*/\1/' <<<"$ours_line")
    p=$(sed -E 's/.*: ([0-9.]+) ms.*/\1/' <<<"$pot_line")
    ours_all+=" $o"; pot_all+=" $p"; detail+="[$o/$p]"
    warm_all+=" $(sed -E 's/.*warm-drag=([0-9.]+) ms.*/\1/' <<<"$ours_line")"
    cpu_all+=" $(sed -E 's/.*cpu=([0-9.]+) ms.*/\1/' <<<"$ours_line")"
    ours_w=$(sed -E 's/.*W1=([0-9.]+).*/\1/' <<<"$ours_line")
    pot_w=$(sed -E 's/.*W1=([0-9.]+).*/\1/' <<<"$pot_line")
  done
  om=$(median <<<"$ours_all"); pm=$(median <<<"$pot_all"); wm=$(median <<<"$warm_all"); cm=$(median <<<"$cpu_all")
  ratio=$(awk -v a="$pm" -v b="$om" 'BEGIN{printf "%.2f", a/b}')
  printf '%-6s %9s %9s %9s %9s %12s  %-12s %-9s %s\n' "$n" "$om" "$pm" "${ratio}x" "$cm" "$wm" "$ours_w" "$pot_w" "$detail"
done
