#!/usr/bin/env python3
"""PyTorch peer of experiments/dcgan-mnist.yaml (bench/Gan.Bench): DCGAN on MNIST, minimax BCE loss, batch 64.

Follows:
- the model: DcganGenerator / DcganDiscriminator of bench/parity/reference_networks.py (the PyTorch DCGAN example's
  networks sized for 28x28, parity-tested against plugins/Gan.Plugins.Mnist/Dcgan*.cs), with the DCGAN paper's
  N(0, 0.02) initialisation as plugins/Gan.Plugins.Mnist/DcganInitialization.cs applies it;
- the step: src/Gan.Engine/BuiltIns/AdversarialTrainer.cs with the "minimax" loss
  (src/Gan.Engine/BuiltIns/Losses/MinimaxLoss.cs, BinaryCrossEntropyTerms.cs; default generator objective
  non-saturating, no label smoothing, no R1). One step is:
    D: zero_grad, G forward on fresh N(0, 1) noise (with autograd), D forward on the real batch and on the detached
       fakes (two calls, so batch norm sees each half alone), BCE-with-logits(real, 1) + BCE-with-logits(fake, 0),
       backward, Adam step;
    G: zero_grad, D forward on the same fakes, BCE-with-logits(fake, 1), backward, Adam step, g_loss.item();
    then d_loss, d_acc (logit > 0 counts as "real"), mean real and fake logits stacked and read back in ONE
    host transfer, as the trainer does.
  Adam lr 2e-4, betas (0.5, 0.999) for both networks; no gradient clipping (the experiment sets none).
- the data: plugins/Gan.Plugins.Mnist/MnistDataSource.cs and MnistSplit.cs: the training images as one float32
  tensor (N, 1, 28, 28) scaled x/127.5 - 1 (28x28, no padding), a new order every epoch, the last partial batch
  kept (938 batches per epoch). Read from <data-root>/mnist/train-images-idx3-ubyte.gz with
  bench/pytorch/mnist_gan.py's loader.

Differences from the engine that do not change the timing: the epoch order comes from torch.randperm instead of
the engine's seeded EpochOrder (same work: one index_select per batch); the engine reads batches on a prefetch
thread, here inline (an index_select of 64 images, microseconds); labels are not loaded (the trainer never uses them).

Prints one JSON line (peer_common.emit). Run with Debian's python3-torch and
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp (see bench/run.sh).
"""
import os
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "parity"))

import peer_common  # noqa: E402
from mnist_gan import load_training_images  # noqa: E402
from reference_networks import DcganDiscriminator, DcganGenerator  # noqa: E402

BATCH_SIZE = 64
LATENT_DIM = 100
NGF = 64
NDF = 64


def dcgan_init(module):
    """The DCGAN paper's initialisation, as the plugin applies it: conv N(0, 0.02), batch norm N(1, 0.02) and 0."""
    for m in module.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
        elif isinstance(m, nn.BatchNorm2d):
            nn.init.normal_(m.weight, 1.0, 0.02)
            nn.init.zeros_(m.bias)


def load_images(data_root):
    flat = load_training_images(data_root)  # (N, 784) in [-1, 1]
    return flat.view(-1, 1, 28, 28).contiguous()  # (N, 1, 28, 28), as MnistSplit holds them


def batches(images, batch_size):
    """Endless batches: a new order every epoch, the last partial batch kept."""
    count = images.shape[0]
    while True:
        order = torch.randperm(count)
        for start in range(0, count, batch_size):
            yield images.index_select(0, order[start:start + batch_size])  # (B, 1, 28, 28)


def train_step(generator, discriminator, g_opt, d_opt, real):
    n = real.shape[0]

    # Discriminator update: the real batch against freshly generated fakes (G's graph kept for its own update).
    d_opt.zero_grad()
    fake = generator(torch.randn(n, LATENT_DIM))  # (B, 1, 28, 28)
    fake_detached = fake.detach()
    real_scores = discriminator.logit(real)  # (B,)
    fake_scores = discriminator.logit(fake_detached)  # (B,)
    d_loss = (F.binary_cross_entropy_with_logits(real_scores, torch.ones_like(real_scores))
              + F.binary_cross_entropy_with_logits(fake_scores, torch.zeros_like(fake_scores)))
    d_loss.backward()
    d_opt.step()

    # Generator update through the updated discriminator, on the same fakes (non-saturating -log D(G(z))).
    g_opt.zero_grad()
    g_scores = discriminator.logit(fake)  # (B,)
    g_loss = F.binary_cross_entropy_with_logits(g_scores, torch.ones_like(g_scores))
    g_loss.backward()
    g_opt.step()
    g_loss_value = g_loss.item()

    # The trainer's statistics, read back in one transfer: d_loss, d_acc, d_real, d_fake.
    with torch.no_grad():
        correct = (real_scores > 0).sum() + (fake_scores <= 0).sum()
        accuracy = correct.float() / (real_scores.numel() + fake_scores.numel())
        summary = torch.stack([d_loss, accuracy, real_scores.mean(), fake_scores.mean()]).tolist()
    return {"d_loss": summary[0], "g_loss": g_loss_value, "d_acc": summary[1],
            "d_real": summary[2], "d_fake": summary[3]}


def main():
    args = peer_common.parser(__doc__.splitlines()[0]).parse_args()
    peer_common.setup(args)

    images = load_images(args.data_root)
    data = batches(images, BATCH_SIZE)
    generator = DcganGenerator(latent_dim=LATENT_DIM, ngf=NGF)
    discriminator = DcganDiscriminator(ndf=NDF)
    dcgan_init(generator)
    dcgan_init(discriminator)
    generator.train()
    discriminator.train()
    g_opt = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))

    trace = peer_common.RssTrace(args.warmup_steps, args.sample_every)
    values = {}
    started = time.perf_counter()
    for step in range(1, args.steps + 1):
        values = train_step(generator, discriminator, g_opt, d_opt, next(data))
        trace.after_step(step)
    seconds = time.perf_counter() - started

    peer_common.emit(args.steps, seconds, trace, values)


if __name__ == "__main__":
    main()
