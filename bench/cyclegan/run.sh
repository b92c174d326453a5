#!/usr/bin/env bash
# CycleGAN seconds per iteration at 128x128, this project (through the real engine) against the same model in
# PyTorch, alternating the two sides ROUNDS times and reporting medians, plus resident memory per side.
# Run it when the machine is quiet: other processes on a 2-core machine swing these figures by 2x or more.
#   bench/cyclegan/run.sh [ROUNDS=3] [ITERS=20]          memory check: ITERS=500 ROUNDS=1
# Needs: apt-get install -y python3-torch libopenblas0-openmp
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-3}"
iters="${2:-20}"
dotnet build -c Release "$here/CycleGanBench/CycleGanBench.csproj" -v quiet -nologo >/dev/null
bench="$here/CycleGanBench/bin/Release/net10.0/linux-x64/CycleGanBench"
results="$(mktemp)"
for round in $(seq 1 "$rounds"); do
  "$bench" --iters "$iters" --warmup 3 --size 128 --threads 2 | tee -a "$results"
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$here/cyclegan_bench.py" \
    --iters "$iters" --warmup 3 --size 128 --threads 2 | tee -a "$results"
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
med = {side: statistics.median(r["median_s"] for r in rows if r["side"] == side) for side in ("torchsharp", "pytorch")}
print(f"median s/iter  this project: {med['torchsharp']:.3f}   PyTorch: {med['pytorch']:.3f}   "
      f"speed ratio (PyTorch time / ours): {med['pytorch'] / med['torchsharp']:.2f}")
for r in rows:
    print(f"  {r['side']:>10}: resident MB at iterations {r['rss_mb']}")
PY
rm -f "$results"
