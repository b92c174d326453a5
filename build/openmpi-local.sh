#!/usr/bin/env bash
# Open MPI on this machine, for the data-parallel tests and for trying 'mpirun -np 2 gan run ...'.
#   build/openmpi-local.sh   installs Debian's openmpi-bin (Open MPI 4.1, with its PMIx for 'srun') if mpirun is
#                            missing, then prints mpirun's path. Installing needs root and apt-get.
set -euo pipefail
if ! command -v mpirun >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then echo "openmpi-local: mpirun is missing and installing it needs root" >&2; exit 3; fi
  export DEBIAN_FRONTEND=noninteractive
  (apt-get install -y -q openmpi-bin >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q openmpi-bin >/dev/null 2>&1; }) \
    || { echo "openmpi-local: cannot install openmpi-bin with apt-get" >&2; exit 4; }
fi
command -v mpirun
