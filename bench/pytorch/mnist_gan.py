#!/usr/bin/env python3
"""PyTorch peer of the MNIST MLP GAN benchmark (bench/Gan.Bench, scenario mnist-mlp).

The classic tutorial's loop, written the way a PyTorch user would: G 100-256-512-1024-784 Tanh,
D 784-512-256-1 (logits, BCEWithLogitsLoss), LeakyReLU 0.2, Adam 2e-4 betas (0.5, 0.999), batch 64,
discriminator step then generator step (non-saturating) on the same fakes, losses read back with
.item() every step. Data: MNIST's training images read from the IDX .gz file with gzip + numpy into
one in-memory tensor, shuffled every epoch, last partial batch kept - the same work the C# sides do.

Prints one JSON line: {"side": "pytorch", "steps", "seconds", "data_wait_share", "rss": [...], "details": {...}}.
Run with Debian's python3-torch and LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp (see bench/run.sh).
"""
import argparse
import gzip
import json
import os
import re
import struct
import time

import numpy as np
import torch
from torch import nn


def load_training_images(data_root):
    path = os.path.join(data_root, "mnist", "train-images-idx3-ubyte.gz")
    with gzip.open(path, "rb") as f:
        magic, count, rows, columns = struct.unpack(">IIII", f.read(16))
        if magic != 0x00000803:
            raise SystemExit(f"{path}: not an IDX image file (magic number {magic:#010x})")
        pixels = np.frombuffer(f.read(count * rows * columns), dtype=np.uint8)
    images = torch.from_numpy(pixels.copy()).view(count, rows * columns)  # (N, 784) uint8
    return images.float().div_(127.5).sub_(1.0)  # (N, 784) in [-1, 1]


def resident_bytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def blas_libraries():
    """The BLAS/LAPACK shared objects actually mapped into this process (what LD_LIBRARY_PATH selected)."""
    found = set()
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1] if len(line.split()) >= 6 else ""
            name = os.path.basename(path)
            if "blas" in name or "lapack" in name:
                found.add(path)
    return sorted(found)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-root", required=True)
    parser.add_argument("--steps", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--warmup-steps", type=int, default=500)
    parser.add_argument("--sample-every", type=int, default=250)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    images = load_training_images(args.data_root)
    count = images.shape[0]
    batch_size, latent_dim = 64, 100

    generator = nn.Sequential(
        nn.Linear(latent_dim, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 1024), nn.LeakyReLU(0.2),
        nn.Linear(1024, 784), nn.Tanh())  # (B, 100) -> (B, 784)
    discriminator = nn.Sequential(
        nn.Linear(784, 512), nn.LeakyReLU(0.2),
        nn.Linear(512, 256), nn.LeakyReLU(0.2),
        nn.Linear(256, 1))  # (B, 784) -> (B, 1) logits
    bce = nn.BCEWithLogitsLoss()
    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))

    rss = []
    step = 0
    d_loss_value = g_loss_value = float("nan")
    started = time.perf_counter()
    while step < args.steps:
        order = torch.randperm(count)
        for start in range(0, count, batch_size):
            if step >= args.steps:
                break
            real = images.index_select(0, order[start:start + batch_size])  # (B, 784)
            n = real.shape[0]
            valid = torch.ones(n, 1)
            fake_label = torch.zeros(n, 1)

            d_opt.zero_grad()
            fake = generator(torch.randn(n, latent_dim))
            d_loss = bce(discriminator(real), valid) + bce(discriminator(fake.detach()), fake_label)
            d_loss.backward()
            d_opt.step()

            g_opt.zero_grad()
            g_loss = bce(discriminator(fake), valid)
            g_loss.backward()
            g_opt.step()

            d_loss_value = d_loss.item()
            g_loss_value = g_loss.item()
            step += 1
            if step >= args.warmup_steps and (step - args.warmup_steps) % args.sample_every == 0:
                rss.append({"step": step, "rss_bytes": resident_bytes()})
    seconds = time.perf_counter() - started

    blas_info = re.search(r"BLAS_INFO=[^,]*", torch.__config__.show())
    blas_line = blas_info.group(0) if blas_info else ""
    print(json.dumps({
        "side": "pytorch",
        "steps": step,
        "seconds": seconds,
        "data_wait_share": None,
        "rss": rss,
        "details": {
            "torch": torch.__version__,
            "torch_threads": str(torch.get_num_threads()),
            "blas_config": blas_line,
            "blas_loaded": ";".join(blas_libraries()),
            "d_loss": f"{d_loss_value:.5g}",
            "g_loss": f"{g_loss_value:.5g}",
        },
    }))


if __name__ == "__main__":
    main()
