#!/usr/bin/env python3
"""PyTorch peer of the MNIST MLP GAN benchmark (bench/Gan.Bench, scenario mnist-mlp).

The classic tutorial's loop, written the way a PyTorch user would: G 100-256-512-1024-784 Tanh,
D 784-512-256-1 (logits, BCEWithLogitsLoss), LeakyReLU 0.2, Adam 2e-4 betas (0.5, 0.999), batch 64,
discriminator step then generator step (non-saturating) on the same fakes, losses read back with
.item() every step. Data: MNIST's training images read from the IDX .gz file with gzip + numpy into
one in-memory tensor, shuffled every epoch, last partial batch kept - the same work the C# sides do.

Prints one JSON line (peer_common.emit): steps, seconds, resident memory samples, peak resident memory, details.
Run with Debian's python3-torch and LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp (see bench/run.sh).
"""
import gzip
import os
import struct
import time

import numpy as np
import torch
from torch import nn

import peer_common


def load_training_images(data_root):
    path = os.path.join(data_root, "mnist", "train-images-idx3-ubyte.gz")
    with gzip.open(path, "rb") as f:
        magic, count, rows, columns = struct.unpack(">IIII", f.read(16))
        if magic != 0x00000803:
            raise SystemExit(f"{path}: not an IDX image file (magic number {magic:#010x})")
        pixels = np.frombuffer(f.read(count * rows * columns), dtype=np.uint8)
    images = torch.from_numpy(pixels.copy()).view(count, rows * columns)  # (N, 784) uint8
    return images.float().div_(127.5).sub_(1.0)  # (N, 784) in [-1, 1]


def main():
    args = peer_common.parser(__doc__.splitlines()[0]).parse_args()
    peer_common.setup(args)
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

    trace = peer_common.RssTrace(args.warmup_steps, args.sample_every)
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
            trace.after_step(step)
    seconds = time.perf_counter() - started

    peer_common.emit(step, seconds, trace, {"d_loss": d_loss_value, "g_loss": g_loss_value})


if __name__ == "__main__":
    main()
