#!/usr/bin/env bash
# Image-GAN training per CPU-second, Divergence Lab (src/bench/ImageGanCpuTime.java, CPU backend) vs PyTorch
# (src/bench/image_gan_torch.py --clock cpu), one thread each, interleaved rounds in one run. Same workloads
# as image-vs-torch.sh, but each side is timed by its own CPU time, so time spent waiting for a core on a
# shared machine is not counted (cache and memory-bandwidth sharing still are). Ours warms up 150 (MLP) /
# 30 (DCGAN) iterations first so the JIT has compiled; the peer runs 3 warm-up iterations.
#
# usage: src/bench/image-cpu-vs-torch.sh [ROUNDS]      (default 3; builds the jar if it is missing)
set -euo pipefail
ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
JAR="$ROOT/target/divergence-lab.jar"
PEER="$ROOT/src/bench/image_gan_torch.py"
OURS="$ROOT/src/bench/ImageGanCpuTime.java"
ROUNDS="${1:-3}"
PY=/usr/bin/python3
JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

$PY -c 'import torch' 2>/dev/null || { echo "PyTorch missing for $PY: run bash /work/shared/bench/setup-peers.sh" >&2; exit 1; }
[ -x "$JAVA" ] || JAVA=java
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)

# name | our arguments (workload warm-up iterations per-run repeats) | peer options
WORKLOADS=(
  "image-mlp-28|mlp 150 40 5|--objective wgan-gp --iters 40 --repeats 5"
  "image-mlp-28-gan|mlp-gan 150 40 5|--objective gan --iters 40 --repeats 5"
  "image-dcgan-28|dcgan 30 10 5|--model dcgan --objective wgan-gp --iters 10 --repeats 5"
)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

echo "machine: $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= ROUNDS; r++)); do
  for w in "${WORKLOADS[@]}"; do
    IFS='|' read -r name ours peer <<< "$w"
    line=$("$JAVA" --add-modules jdk.incubator.vector -cp "$JAR" "$OURS" $ours 2>/dev/null | grep "^$name:")
    [ "$r" = 1 ] && echo "  $line"
    o=$(echo "$line" | awk '{print $2}')
    pline=$($PY "$PEER" $peer --threads 1 --clock cpu | grep "^$name:")
    [ "$r" = 1 ] && echo "  torch $pline"
    p=$(echo "$pline" | awk '{print $2}')
    ratio=$(awk -v o="$o" -v p="$p" 'BEGIN {printf "%.2f", o / p}')
    printf 'round %d  %-17s ours %8.1f   torch %8.1f samples per CPU-second   ratio %5.2fx  (load %s)\n' "$r" "$name" "$o" "$p" "$ratio" "$(cut -d' ' -f1 /proc/loadavg)"
    echo "$o" >> "$TMP/$name.ours"; echo "$p" >> "$TMP/$name.peer"; echo "$ratio" >> "$TMP/$name.ratio"
  done
done
echo
echo "summary (medians over $ROUNDS rounds)"
for w in "${WORKLOADS[@]}"; do
  name="${w%%|*}"
  printf '%-17s ours %8.1f   torch %8.1f samples per CPU-second   ratio %5.2fx\n' "$name" \
    "$(median < "$TMP/$name.ours")" "$(median < "$TMP/$name.peer")" "$(median < "$TMP/$name.ratio")"
done
