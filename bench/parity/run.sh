#!/usr/bin/env bash
# The full-size parity table: writes the reference PyTorch networks at the experiments' sizes (weights, an input batch
# and PyTorch's output) into a temporary folder with Debian's python3-torch, then runs the C# checker on them.
#   bench/parity/run.sh                 # all networks
#   bench/parity/run.sh --keep DIR      # write the fixtures to DIR and keep them
set -euo pipefail
cd "$(dirname "$0")/../.."

PYTHON=/usr/bin/python3   # Debian's python: a pyenv/venv python3 earlier on PATH does not see python3-torch
if ! "$PYTHON" -c "import torch" >/dev/null 2>&1; then
  echo "Installing the PyTorch reference: python3-torch"
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y python3-torch
fi

if [ "${1:-}" = "--keep" ]; then
  folder=$2; mkdir -p "$folder"
else
  folder=$(mktemp -d -t gan-parity-XXXXXX)
  trap 'rm -rf "$folder"' EXIT
fi

"$PYTHON" bench/parity/make_fixtures.py --size full --out "$folder"
dotnet build -c Release bench/Gan.Bench -nologo -v quiet
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), PyTorch $("$PYTHON" -c 'import torch; print(torch.__version__)'), TorchSharp 0.107.0:"
bench/Gan.Bench/bin/Release/net10.0/linux-x64/Gan.Bench parity --folder "$folder"
