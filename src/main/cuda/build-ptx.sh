#!/usr/bin/env bash
# Rebuilds the PTX the CUDA backend loads from the .cu sources beside it in
# src/main/resources/org/divergencelab/compute/cuda (the PTX is committed, so a normal build needs no CUDA
# toolkit). Usage, from the repository root: bash src/main/cuda/build-ptx.sh   (needs nvcc and ptxas)
#
# compute_75 is the oldest architecture CUDA 13 targets; the driver JIT-compiles the PTX for newer GPUs.
# nvcc 13 stamps the PTX with ISA version 9.0, which only R580+ drivers accept. Our kernels use no feature
# newer than PTX ISA 7.8 (CUDA 11.8), so the header is rewritten to 7.8 and ptxas then checks that the
# rewritten file assembles for sm_75, sm_80, sm_86, sm_89 and sm_90: older drivers (R520+) can load it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dir="$here/../resources/org/divergencelab/compute/cuda"
for cu in "$dir"/*.cu; do
  name="$(basename "$cu" .cu)"
  ptx="$dir/$name.ptx"
  nvcc -arch=compute_75 -ptx -O3 -o "$ptx" "$cu"
  sed -i 's/^\.version 9\.0$/.version 7.8/' "$ptx"
  grep -q '^\.version 7\.8$' "$ptx" || { echo "unexpected PTX version in $ptx" >&2; exit 1; }
  for sm in 75 80 86 89 90; do
    ptxas -arch=sm_$sm -o /dev/null "$ptx"
  done
  echo "built $ptx ($(wc -c < "$ptx") bytes, PTX ISA 7.8, checked by ptxas for sm_75..sm_90) with $(nvcc --version | tail -1)"
done
