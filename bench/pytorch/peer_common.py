"""What every PyTorch peer of bench/Gan.Bench shares: the command line the bench passes, resident-memory
sampling, and the one JSON line each peer prints (the shape of Gan.Bench's LoopMeasurement, snake_case).

Every peer runs with Debian's python3-torch and LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp
(bench/run.sh checks both), so torch uses OpenBLAS with OpenMP threads like libtorch in TorchSharp.
"""
import argparse
import json
import os
import re

import torch


def parser(description, variants=None):
    """The options Gan.Bench passes to every peer; --variant chooses among a script's configurations."""
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--data-root", required=True, help="folder with mnist/, midi-piano/, squad/ (../shared/data)")
    p.add_argument("--cache-root", default=None, help="the engine's cache folder, where a peer reads prepared data")
    p.add_argument("--steps", type=int, default=200, help="training steps timed, counted as the engine counts them")
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--seed", type=int, default=42)
    p.add_argument("--warmup-steps", type=int, default=20, help="steps before the first resident-memory sample")
    p.add_argument("--sample-every", type=int, default=10, help="steps between resident-memory samples")
    if variants:
        p.add_argument("--variant", choices=variants, default=variants[0])
    return p


def setup(args):
    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)


def _status_bytes(field):
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024
    return 0


def resident_bytes():
    return _status_bytes("VmRSS")


def peak_resident_bytes():
    """The process's high-water mark of resident memory (VmHWM): data, model, allocator and all."""
    return _status_bytes("VmHWM")


class RssTrace:
    """Resident memory after step `warmup`, then every `every` steps (the engine side samples the same steps)."""

    def __init__(self, warmup, every):
        self.warmup, self.every, self.samples = warmup, max(1, every), []

    def after_step(self, step):
        if step >= self.warmup and (step - self.warmup) % self.every == 0:
            self.samples.append({"step": step, "rss_bytes": resident_bytes()})


def blas_libraries():
    """The BLAS/LAPACK shared objects actually mapped into this process (what LD_LIBRARY_PATH selected)."""
    found = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            parts = line.split()
            name = os.path.basename(parts[-1]) if len(parts) >= 6 else ""
            if "blas" in name or "lapack" in name:
                found.add(parts[-1])
    return sorted(found)


def emit(steps, seconds, trace, details):
    """Prints the measurement as one JSON line; `details` holds the last losses and anything worth reporting."""
    blas_info = re.search(r"BLAS_INFO=[^,]*", torch.__config__.show())
    facts = {
        "torch": torch.__version__,
        "torch_threads": str(torch.get_num_threads()),
        "blas_config": blas_info.group(0) if blas_info else "",
        "blas_loaded": ";".join(blas_libraries()),
    }
    facts.update({k: (f"{v:.5g}" if isinstance(v, float) else str(v)) for k, v in details.items()})
    print(json.dumps({
        "side": "pytorch",
        "steps": steps,
        "seconds": seconds,
        "data_wait_share": None,
        "rss": trace.samples,
        "peak_rss_bytes": peak_resident_bytes(),
        "details": facts,
    }), flush=True)
