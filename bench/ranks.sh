#!/usr/bin/env bash
# Data-parallel scaling on this machine: the MNIST MLP GAN of experiments/mnist.yaml trained by 1 rank and by 2 MPI
# ranks (1 torch thread each), printing steps/s, examples/s and the time per step spent in MPI collectives.
#   bench/ranks.sh [STEPS]   (default 1500; installs Open MPI with build/openmpi-local.sh when missing)
# Rows: 1 rank of batch 64; 2 ranks of batch 32 (the same global batch: the recipe kept, as a user would scale out);
# 2 ranks of batch 64 (twice the examples per step). Tracking, checkpoints, metrics and samples are off: this
# measures training and communication only.
set -euo pipefail
cd "$(dirname "$0")/.."
steps=${1:-1500}
mpirun=$(build/openmpi-local.sh)
dotnet build -c Release src/Gan.Host -nologo -v quiet >/dev/null
gan=$(ls src/Gan.Host/bin/Release/net10.0/linux-x64/gan)
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 NO_COLOR=1 COLUMNS=200
common=(--set device=cpu --set threads=1 --set "stages.0.steps=$steps" --set stages.0.epochs=null --set "metrics=[]"
        --set "samples=[]" --set tracking.enabled=false --set checkpoints.enabled=false)

run() { # ranks batch -> "steps/s ms_in_collectives"
  local ranks=$1 batch=$2 output
  if [ "$ranks" -eq 1 ]; then
    output=$("$gan" run experiments/mnist.yaml "${common[@]}" --set "data.batch_size=$batch" 2>&1)
  else
    output=$("$mpirun" -np "$ranks" --bind-to core "$gan" run experiments/mnist.yaml "${common[@]}" --set "data.batch_size=$batch" 2>&1)
  fi
  local rate ms
  rate=$(grep -oE '\(([0-9.]+) steps/s' <<<"$output" | head -1 | tr -d '( ' | sed 's/steps\/s//')
  ms=$(grep -oE '[0-9.]+ ms per step in MPI collectives' <<<"$output" | head -1 | cut -d' ' -f1)
  [ -n "$rate" ] || { echo "$output" >&2; exit 1; }
  echo "$rate ${ms:--}"
}

printf '%s, %s, %s steps each, 1 torch thread per rank\n' "$(date -u +%Y-%m-%d)" "$(nproc) cores $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)" "$steps"
printf '%-6s %-14s %-12s %-12s %-12s %-22s\n' ranks batch/rank global steps/s examples/s "ms/step in collectives"
for config in "1 64" "2 32" "2 64"; do
  set -- $config
  read -r rate ms <<<"$(run "$1" "$2")"
  printf '%-6s %-14s %-12s %-12s %-12s %-22s\n' "$1" "$2" "$(($1 * $2))" "$rate" "$(awk -v r="$rate" -v g="$(($1 * $2))" 'BEGIN { printf "%.0f", r * g }')" "$ms"
done
