#!/usr/bin/env bash
# Builds the host and the benchmark in Release, makes sure the PyTorch peer is installed and fair (Debian's
# python3-torch with OpenBLAS/OpenMP, never libopenblas0-pthread), then runs a benchmark scenario.
#   bench/run.sh                      # mnist-mlp with its defaults (3 rounds x 2,000 steps, 5,000-step memory run)
#   bench/run.sh mnist-mlp --rounds 5 # any scenario and its options (Gan.Bench <scenario> --help)
set -euo pipefail
cd "$(dirname "$0")/.."

OPENBLAS=/usr/lib/x86_64-linux-gnu/openblas-openmp
PYTHON=/usr/bin/python3   # Debian's python: a pyenv/venv python3 earlier on PATH does not see python3-torch

missing=()
"$PYTHON" -c "import torch" >/dev/null 2>&1 || missing+=(python3-torch)
[ -e "$OPENBLAS/libblas.so.3" ] || missing+=(libopenblas0-openmp)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing the PyTorch peer: ${missing[*]}"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-torch libopenblas0-openmp
fi

# Which BLAS torch really loads: the package is built against the generic libblas.so.3 (BLAS_INFO=generic), so
# the config cannot tell; the process's memory map can.
LD_LIBRARY_PATH="$OPENBLAS${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" "$PYTHON" - <<'PY'
import os, re, sys, torch
torch.mm(torch.ones(8, 8), torch.ones(8, 8))
info = re.search(r"BLAS_INFO=[^,]*", torch.__config__.show())
blas = sorted({l.split()[-1] for l in open("/proc/self/maps") if "blas" in os.path.basename(l.split()[-1])})
print(f"PyTorch {torch.__version__} ({info.group(0) if info else 'BLAS_INFO unknown'}), loaded: {', '.join(blas)}")
if not any("openblas-openmp" in b for b in blas):
    sys.exit("torch does not load OpenBLAS (OpenMP): install libopenblas0-openmp; the reference BLAS is ~16x slower")
PY

dotnet build -c Release src/Gan.Host -nologo -v quiet
dotnet build -c Release bench/Gan.Bench -nologo -v quiet

scenario=mnist-mlp
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then scenario=$1; shift; fi
exec bench/Gan.Bench/bin/Release/net10.0/linux-x64/Gan.Bench "$scenario" "$@"
