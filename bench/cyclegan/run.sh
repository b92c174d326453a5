#!/usr/bin/env bash
# CycleGAN seconds per iteration at 128x128, this project (through the real engine) against the same model in
# PyTorch, plus resident memory per side. The two sides run at the same time but take turns iteration by iteration
# (named pipes), so each pair of iterations meets the same machine: on a shared 2-core machine single iterations
# swing by ±15 % within seconds, which otherwise lands on whichever side happens to run then. ROUNDS repeats that.
#   bench/cyclegan/run.sh [ROUNDS=1] [ITERS=30]          memory check: bench/cyclegan/run.sh 1 500
# Needs: apt-get install -y python3-torch libopenblas0-openmp
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
rounds="${1:-1}"
iters="${2:-30}"
dotnet build -c Release "$here/CycleGanBench/CycleGanBench.csproj" -v quiet -nologo >/dev/null
bench="$here/CycleGanBench/bin/Release/net10.0/linux-x64/CycleGanBench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkfifo "$work/ours" "$work/peer"
# Held open for reading and writing here, so neither side blocks opening a pipe or fails handing over its last turn.
exec 3<>"$work/ours" 4<>"$work/peer"
for round in $(seq 1 "$rounds"); do
  : >"$work/ready"
  "$bench" --iters "$iters" --warmup 3 --size 128 --threads 2 --turns "$work" >>"$work/results" &
  ours=$!
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 "$here/cyclegan_bench.py" \
    --iters "$iters" --warmup 3 --size 128 --threads 2 --turns "$work" >>"$work/results" &
  peer=$!
  # Both sides set up (build networks, write the dataset) before the first turn, then this side goes first.
  until [ "$(wc -l <"$work/ready")" -ge 2 ]; do
    kill -0 "$ours" 2>/dev/null && kill -0 "$peer" 2>/dev/null || break
    sleep 0.2
  done
  printf '\1' >&3
  status=0
  wait -n "$ours" "$peer" || status=$?
  if [ "$status" -ne 0 ]; then
    kill -TERM "$ours" "$peer" 2>/dev/null || true
    echo "round $round failed (exit $status)" >&2
    exit 1
  fi
  wait "$ours" "$peer"
done
/usr/bin/python3 - "$work/results" <<'PY'
import json, statistics, sys
rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
times = {side: [t for r in rows if r["side"] == side for t in r["times_s"]] for side in ("torchsharp", "pytorch")}
ours, peer = statistics.median(times["torchsharp"]), statistics.median(times["pytorch"])
# Iteration i of one side ran right after iteration i of the other: their ratio is free of the machine's drift.
pairs = sorted(p / o for o, p in zip(times["torchsharp"], times["pytorch"]))
quartiles = statistics.quantiles(pairs, n=4) if len(pairs) > 1 else pairs * 3
print(f"{len(pairs)} paired iterations, seconds per iteration (median, fastest):")
print(f"  this project: {ours:.3f}  {min(times['torchsharp']):.3f}")
print(f"  PyTorch:      {peer:.3f}  {min(times['pytorch']):.3f}")
print(f"speed ratio (PyTorch time / ours): {peer / ours:.2f} from the medians; "
      f"per pair median {statistics.median(pairs):.2f} (quartiles {quartiles[0]:.2f}-{quartiles[2]:.2f})")
for r in rows:
    print(f"  {r['side']:>10}: resident MB at iterations {r['rss_mb']}")
PY
