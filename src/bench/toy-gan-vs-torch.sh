#!/usr/bin/env bash
# Toy GAN training, Divergence Lab vs PyTorch (../shared/bench/peer_torch_toy.py), one thread each, side by
# side in one run: wgan-gp-512, wgan-gp-64, gan-64. Each round runs ours and then the peer for every
# workload (interleaved, so a busy machine slows both alike); the summary prints the median over rounds
# of each side and of the per-round ratio ours/peer (above 1 = we are faster).
#
# usage: src/bench/toy-gan-vs-torch.sh [ROUNDS]      (default 3; builds the jar if it is missing)
#        PEERS=DIR (the peer scripts, default ../shared/bench), JAR=FILE (default target/divergence-lab.jar),
#        BEFORE=FILE (an older jar, run in the same rounds: before/after figures side by side with the peer)
set -euo pipefail
ROOT="$(git -C "$(dirname "$0")" rev-parse --show-toplevel)"
PEERS="${PEERS:-$ROOT/../shared/bench}"
JAR="${JAR:-$ROOT/target/divergence-lab.jar}"
ROUNDS="${1:-3}"
PY=/usr/bin/python3

# Debian's torch calls the pthread OpenBLAS, which ignores torch.set_num_threads(1): pin it, so "one
# thread" holds for the peer too (the summary prints the peer's CPU-time/wall-time ratio as a check).
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1

[ -f "$PEERS/peer_torch_toy.py" ] || { echo "peer script not found at $PEERS/peer_torch_toy.py" >&2; exit 1; }
$PY -c 'import torch' 2>/dev/null || { echo "PyTorch missing for $PY: run bash $PEERS/setup-peers.sh" >&2; exit 1; }
[ -f "$JAR" ] || (cd "$ROOT" && mvn -B -q package -DskipTests)

# name | our bench options | peer options (peer iterations sized to run a few seconds like ours)
WORKLOADS=(
  "wgan-gp-512|--repeats 3 --warmup 1 --iterations 5|--objective wgan-gp --hidden 512 --layers 3 --iters 10"
  "wgan-gp-64|--repeats 7 --warmup 1 --iterations 50|--objective wgan-gp --hidden 64 --layers 3 --iters 100"
  "gan-64|--repeats 7 --warmup 1 --iterations 200|--objective gan --hidden 64 --layers 3 --iters 500"
)

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

median() { sort -g | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print (v[NR/2]+v[NR/2+1])/2}'; }

echo "machine: $(getconf _NPROCESSORS_ONLN) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
[ -n "${BEFORE:-}" ] && echo "before: java -jar $BEFORE"
echo "ours: java -jar $JAR (the launcher re-runs it on JDK 25; each result line names the Java it ran on)"
echo "peer: $($PY -c 'import torch; print("torch", torch.__version__)') on $PY, --threads 1"
for ((r = 1; r <= ROUNDS; r++)); do
  for w in "${WORKLOADS[@]}"; do
    IFS='|' read -r name ours peer <<< "$w"
    if [ -n "${BEFORE:-}" ]; then
      bline=$(java -jar "$BEFORE" bench --workload "$name" $ours 2>/dev/null | grep "^$name:")
      b=$(echo "$bline" | awk '{print $2}')
      echo "$b" >> "$TMP/$name.before"
      echo "$b" > "$TMP/last.before"
      printf 'round %d  %-12s before %8.2f it/s\n' "$r" "$name" "$b"
    fi
    line=$(java -jar "$JAR" bench --workload "$name" $ours 2>/dev/null | grep "^$name:")
    [ "$r" = 1 ] && echo "  $line"
    o=$(echo "$line" | awk '{print $2}')
    TIMEFORMAT='%R %U %S'
    { time $PY "$PEERS/peer_torch_toy.py" $peer --threads 1 > "$TMP/peer.out" ; } 2> "$TMP/peer.time"
    p=$(sed -E 's/.*: ([0-9.]+) iterations\/s.*/\1/' "$TMP/peer.out")
    cores=$(awk '{printf "%.2f", ($2 + $3) / $1}' "$TMP/peer.time")
    ratio=$(awk -v o="$o" -v p="$p" 'BEGIN {printf "%.2f", o / p}')
    printf 'round %d  %-12s ours %8.2f it/s   torch %8.2f it/s   ratio %5.2fx   (torch used %s cores)\n' \
      "$r" "$name" "$o" "$p" "$ratio" "$cores"
    echo "$o" >> "$TMP/$name.ours"; echo "$p" >> "$TMP/$name.peer"; echo "$ratio" >> "$TMP/$name.ratio"
    if [ -n "${BEFORE:-}" ]; then
      awk -v o="$o" -v b="$(cat "$TMP/last.before")" 'BEGIN {printf "%.2f\n", o / b}' >> "$TMP/$name.gain"
    fi
  done
done
echo
echo "summary (medians over $ROUNDS rounds)"
for w in "${WORKLOADS[@]}"; do
  name="${w%%|*}"
  printf '%-12s ours %8.2f it/s   torch %8.2f it/s   ratio %5.2fx\n' "$name" \
    "$(median < "$TMP/$name.ours")" "$(median < "$TMP/$name.peer")" "$(median < "$TMP/$name.ratio")"
  if [ -n "${BEFORE:-}" ]; then
    printf '%-12s before %8.2f it/s   ours/before %5.2fx (median of the per-round ratios)\n' "$name" \
      "$(median < "$TMP/$name.before")" "$(median < "$TMP/$name.gain")"
  fi
done
