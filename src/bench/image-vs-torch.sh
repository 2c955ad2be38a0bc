#!/usr/bin/env bash
# Image-GAN training throughput, Divergence Lab (bench --workload image-mlp-28[-gan] | image-dcgan-28, CPU) vs
# PyTorch (src/bench/image_gan_torch.py, same architecture and step), one thread each, interleaved rounds
# in one run; prints samples/s per round and the medians of each side and of the ratio ours/peer.
#
# usage: src/bench/image-vs-torch.sh [ROUNDS]      (default 3; builds the jar if it is missing)
set -euo pipefail
ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
JAR="$ROOT/target/divergence-lab.jar"
PEER="$ROOT/src/bench/image_gan_torch.py"
ROUNDS="${1:-3}"
PY=/usr/bin/python3
# Debian's torch calls the pthread OpenBLAS, which ignores torch.set_num_threads(1): pin it
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

$PY -c 'import torch' 2>/dev/null || { echo "PyTorch missing for $PY: run bash /work/shared/bench/setup-peers.sh" >&2; exit 1; }
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)

# name | our bench options | peer options. Ours: 3 untimed iterations plus 2 untimed runs before the timed
# ones, so the JIT has compiled the SIMD kernels (on a loaded 2-core machine C2 needs several seconds;
# the peer has no JIT and 3 warm-up iterations); the DCGAN times 5 iterations a run on both sides.
WORKLOADS=(
  "image-mlp-28|--repeats 3 --warmup 2 --iterations 20|--objective wgan-gp --iters 20 --repeats 3"
  "image-mlp-28-gan|--repeats 3 --warmup 2 --iterations 40|--objective gan --iters 40 --repeats 3"
  "image-dcgan-28|--repeats 3 --warmup 2 --iterations 5|--model dcgan --objective wgan-gp --iters 5 --repeats 3"
)
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

echo "machine: $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "peer: $($PY -c 'import torch; print("torch", torch.__version__)') on $PY, --threads 1"
for ((r = 1; r <= ROUNDS; r++)); do
  for w in "${WORKLOADS[@]}"; do
    IFS='|' read -r name ours peer <<< "$w"
    line=$(java -jar "$JAR" bench --workload "$name" $ours 2>/dev/null | grep "^$name:")
    [ "$r" = 1 ] && echo "  $line"
    o=$(echo "$line" | awk '{print $2}')
    pline=$($PY "$PEER" $peer --threads 1 | grep "^$name:")
    [ "$r" = 1 ] && echo "  torch $pline"
    p=$(echo "$pline" | awk '{print $2}')
    ratio=$(awk -v o="$o" -v p="$p" 'BEGIN {printf "%.2f", o / p}')
    printf 'round %d  %-17s ours %8.1f samples/s   torch %8.1f samples/s   ratio %5.2fx\n' "$r" "$name" "$o" "$p" "$ratio"
    echo "$o" >> "$TMP/$name.ours"; echo "$p" >> "$TMP/$name.peer"; echo "$ratio" >> "$TMP/$name.ratio"
  done
done
echo
echo "summary (medians over $ROUNDS rounds)"
for w in "${WORKLOADS[@]}"; do
  name="${w%%|*}"
  printf '%-17s ours %8.1f samples/s   torch %8.1f samples/s   ratio %5.2fx\n' "$name" \
    "$(median < "$TMP/$name.ours")" "$(median < "$TMP/$name.peer")" "$(median < "$TMP/$name.ratio")"
done
