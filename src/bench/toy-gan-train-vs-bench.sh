#!/usr/bin/env bash
# The users' speed against the published one: `train` (the CLI, evaluation off: one full snapshot at the end)
# on the toy workloads' experiment, timed from outside, beside `bench --workload NAME` (the same Trainer, timed
# inside) in the same round. train's figure is N / wall time, as is (JIT warm-up included: N is sized so a run
# takes 20-30 s on a quiet machine) and with its fixed cost (JVM start, the final snapshot, files: the wall time
# of a run of 0 iterations) taken off; the summary prints medians over rounds of the figures and per-round ratios.
#
# usage: src/bench/toy-gan-train-vs-bench.sh [ROUNDS]    (default 3)   JAR=FILE (default target/divergence-lab.jar)
set -euo pipefail
ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
JAR="${JAR:-$ROOT/target/divergence-lab.jar}"
ROUNDS="${1:-3}"
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# the bench workloads' experiment (ToyGanWorkload.experiment) from a preset: 8 Gaussians σ 0.02, Adam(1e-4, 0.5, 0.9)
COMMON="--set data=ring(8,2,0.02) --set generatorOptimizer.lr=1e-4 --set criticOptimizer.lr=1e-4 \
--set generatorOptimizer.beta2=0.9 --set criticOptimizer.beta2=0.9 --set evaluation.every=100000000"
W512="--set generator.widths=[512,512,512] --set critic.widths=[512,512,512]"
# name | bench options | train options | train iterations
WORKLOADS=(
  "wgan-gp-512|--repeats 3 --warmup 1 --iterations 5|--preset ring8-wgan-gp $COMMON $W512|120"
  "wgan-gp-64|--repeats 7 --warmup 1 --iterations 50|--preset ring8-wgan-gp $COMMON|6000"
  "gan-64|--repeats 7 --warmup 1 --iterations 200|--preset ring8-gan $COMMON|25000"
)
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }
wall() { local s e; s=$(date +%s.%N); "$@" > /dev/null 2>&1; e=$(date +%s.%N); awk -v s="$s" -v e="$e" 'BEGIN {print e - s}'; }

echo "machine: $(getconf _NPROCESSORS_ONLN) cores, load $(cut -d' ' -f1-3 /proc/loadavg); jar $JAR"
for ((r = 1; r <= ROUNDS; r++)); do
  for w in "${WORKLOADS[@]}"; do
    IFS='|' read -r name bopts topts n <<< "$w"
    b=$(java -jar "$JAR" bench --workload "$name" $bopts 2>/dev/null | grep "^$name:" | awk '{print $2}')
    t0=$(wall java -jar "$JAR" train $topts --iterations 0 --out "$TMP/$name-0")
    tn=$(wall java -jar "$JAR" train $topts --iterations "$n" --out "$TMP/$name")
    raw=$(awk -v n="$n" -v t="$tn" 'BEGIN {printf "%.2f", n / t}')
    net=$(awk -v n="$n" -v t="$tn" -v z="$t0" 'BEGIN {printf "%.2f", n / (t - z)}')
    printf 'round %d  %-12s bench %8.2f it/s   train %8.2f it/s (%d iterations in %.1f s; fixed cost %.1f s; without it %8.2f it/s)\n' \
      "$r" "$name" "$b" "$raw" "$n" "$tn" "$t0" "$net"
    echo "$b" >> "$TMP/$name.bench"; echo "$raw" >> "$TMP/$name.raw"; echo "$net" >> "$TMP/$name.net"
    awk -v a="$raw" -v b="$b" 'BEGIN {print a / b}' >> "$TMP/$name.rawratio"
    awk -v a="$net" -v b="$b" 'BEGIN {print a / b}' >> "$TMP/$name.netratio"
  done
done
echo
echo "summary (medians over $ROUNDS rounds; ratio = train / bench, per round)"
for w in "${WORKLOADS[@]}"; do
  name="${w%%|*}"
  printf '%-12s bench %8.2f it/s   train %8.2f it/s (ratio %.2f)   train without fixed cost %8.2f it/s (ratio %.2f)\n' \
    "$name" "$(median < "$TMP/$name.bench")" "$(median < "$TMP/$name.raw")" "$(median < "$TMP/$name.rawratio")" \
    "$(median < "$TMP/$name.net")" "$(median < "$TMP/$name.netratio")"
done
