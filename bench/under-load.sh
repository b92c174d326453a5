#!/usr/bin/env bash
# Speed under load: the MNIST MLP GAN of experiments/mnist.yaml trained by the engine (torch threads left to the
# engine: they follow the cores other processes leave free) and by the PyTorch peer (bench/pytorch/mnist_gan.py,
# 2 threads, as bench/run.sh runs it), each on a quiet machine and beside one competing CPU-bound process.
#   bench/under-load.sh [STEPS]   (default 1500; run bench/run.sh once first to install the PyTorch peer)
# Issue 21's target: the engine keeps at least 45 % of its quiet speed with one competitor on this 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-1500}
PYTHON=/usr/bin/python3
export LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
dotnet build -c Release src/Gan.Host -nologo -v quiet >/dev/null
gan=src/Gan.Host/bin/Release/net10.0/linux-x64/gan
data=${GAN_DATA_ROOT:-../shared/data}

engine() {
  "$gan" run experiments/mnist.yaml --set device=cpu --set "stages.0.steps=$steps" --set stages.0.epochs=null --set "metrics=[]" \
    --set "samples=[]" --set tracking.enabled=false --set checkpoints.enabled=false --set "data_root=$data" 2>&1 \
    | grep -oE '\([0-9.]+ steps/s' | tr -d '(' | cut -d' ' -f1
}

pytorch() {
  "$PYTHON" bench/pytorch/mnist_gan.py --data-root "$data" --steps "$steps" --warmup-steps 0 --sample-every "$steps" --threads 2 \
    | "$PYTHON" -c 'import json, sys; r = json.load(sys.stdin); print("%.1f" % (r["steps"] / r["seconds"]))'
}

competitor() { sh -c 'while :; do :; done' >/dev/null 2>&1 & echo $!; }  # no inherited stdout: $(...) would wait for it

printf '%s, %s, %s steps, one competitor = one busy shell loop\n' "$(date -u +%Y-%m-%d)" "$(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$steps"
printf '%-9s %-12s %-12s %-8s\n' side quiet loaded kept
for side in engine pytorch; do
  quiet=$($side)
  pid=$(competitor)
  loaded=$($side)
  kill "$pid"
  printf '%-9s %-12s %-12s %-8s\n' "$side" "$quiet" "$loaded" "$(awk -v q="$quiet" -v l="$loaded" 'BEGIN { printf "%.0f %%", 100 * l / q }')"
done
