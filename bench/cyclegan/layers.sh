#!/usr/bin/env bash
# Per-layer forward+backward timings of the CycleGAN networks' building blocks, this project's libtorch beside
# PyTorch's, one table: shows which operators a speed gap of bench/cyclegan/run.sh comes from. Run on a quiet machine.
#   bench/cyclegan/layers.sh [THREADS=2]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
threads="${1:-2}"
dotnet build -c Release "$here/LayerBench/LayerBench.csproj" -v quiet -nologo >/dev/null
ours="$(mktemp)"; peer="$(mktemp)"
"$here/LayerBench/bin/Release/net10.0/linux-x64/LayerBench" "$threads" >"$ours"
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$here/layer_bench.py" "$threads" >"$peer"
printf '%-28s %12s %12s\n' "layer (forward+backward)" "this project" "PyTorch"
paste -d'|' "$ours" "$peer" | awk -F'|' '{ n = split($1, x, " "); m = split($2, y, " ");
  printf "%-28s %9s ms %9s ms\n", substr($1, 1, 28), x[n-1], y[m-1] }'
rm -f "$ours" "$peer"
