#!/usr/bin/env bash
# A real single-node Slurm on this machine, for the Slurm sweep test and for trying 'gan sweep --executor slurm'.
#   build/slurm-local.sh start   installs slurm-wlm + munge if missing (apt), starts munged, slurmctld, slurmd;
#                                prints 'export SLURM_CONF=...' (also written to $GAN_SLURM_DIR/env)
#   build/slurm-local.sh stop    stops the daemons by their PID files
# State, spool, logs and the config live in $GAN_SLURM_DIR (default /tmp/gan-slurm). Needs root (daemons, apt).
# No systemd here: the daemons are started directly. No accounting (sacct needs slurmdbd): follow jobs with squeue/scontrol.
set -euo pipefail
dir=${GAN_SLURM_DIR:-/tmp/gan-slurm}
conf=$dir/slurm.conf

stop() {
  for pidfile in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munged.pid"; do
    if [[ -f $pidfile ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      pid=$(cat "$pidfile")
      kill "$pid" || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done   # daemons take a moment to exit
    fi
  done
  rm -f "$dir"/*.pid
}

start() {
  if [[ $(id -u) -ne 0 ]]; then echo "slurm-local: needs root to start Slurm's daemons" >&2; exit 3; fi
  if ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    (apt-get install -y -q slurm-wlm munge >/dev/null 2>&1 || { apt-get update -q >/dev/null 2>&1 && apt-get install -y -q slurm-wlm munge >/dev/null 2>&1; }) \
      || { echo "slurm-local: cannot install slurm-wlm and munge with apt-get" >&2; exit 4; }
  fi

  mkdir -p "$dir/state" "$dir/spool" "$dir/log"
  host=$(hostname -s)

  # munge: the key must exist and be private; the daemon runs as the munge user.
  mkdir -p /run/munge /var/log/munge /var/lib/munge /etc/munge
  chown munge:munge /run/munge /var/log/munge /var/lib/munge /etc/munge
  if [[ ! -s /etc/munge/munge.key ]]; then
    (command -v mungekey >/dev/null && mungekey --create --keyfile=/etc/munge/munge.key) \
      || dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  fi
  chown munge:munge /etc/munge/munge.key && chmod 400 /etc/munge/munge.key
  if [[ ! -f $dir/munged.pid ]] || ! kill -0 "$(cat "$dir/munged.pid")" 2>/dev/null; then
    runuser -u munge -- munged --force
    sleep 0.5
    pgrep -u munge -x munged | head -1 > "$dir/munged.pid"
  fi

  cores=$(nproc)
  cat > "$conf" <<CONF
ClusterName=gan-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
MinJobAge=3600
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
MpiDefault=pmix
NodeName=$host CPUs=$cores Sockets=1 CoresPerSocket=$cores ThreadsPerCore=1 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF=$conf
  if [[ ! -f $dir/slurmctld.pid ]] || ! kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then slurmctld -f "$conf"; fi
  if [[ ! -f $dir/slurmd.pid ]] || ! kill -0 "$(cat "$dir/slurmd.pid")" 2>/dev/null; then slurmd -f "$conf"; fi
  for _ in $(seq 1 60); do
    if sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)'; then
      echo "export SLURM_CONF=$conf" | tee "$dir/env"
      return 0
    fi
    scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true
    sleep 0.5
  done
  echo "slurm-local: the node did not become idle; see $dir/log" >&2
  exit 5
}

case ${1:-} in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
