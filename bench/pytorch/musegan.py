#!/usr/bin/env python3
"""PyTorch peer of experiments/musegan.yaml and experiments/musegan-small.yaml (bench/Gan.Bench): MuseGAN, WGAN-GP.

Variants (--variant):
  musegan        5 tracks x 4 bars x 48 steps x 84 pitches, batch 64, z 32, ngf 32, temporal_hidden 256, ndf 32;
  musegan-small  1 track (piano), batch 16, z 16, ngf 8, temporal_hidden 64, ndf 8.
Both: WGAN-GP with lambda 10 and 5 critic updates per generator update, Adam lr 1e-3, betas (0.5, 0.9), tanh output.

Follows:
- the model: MuseGanGenerator / MuseGanDiscriminator of bench/parity/reference_networks.py (parity-tested against
  plugins/Gan.Plugins.Midi/Model). The latent is one vector (B, z * (2 + 2 * tracks)) split as
  plugins/Gan.Plugins.Midi/Model/MuseGanGenerator.cs splits it: [shared, shared temporal, private x tracks,
  private temporal x tracks]; the engine samples it as N(0, 1) (IGenerator.SampleLatent). PyTorch's default
  initialisation, as the plugin's networks (no custom init).
- the step: src/Gan.Engine/BuiltIns/AdversarialTrainer.cs with the "wgan-gp" loss
  (src/Gan.Engine/BuiltIns/Losses/WassersteinGpLoss.cs, GradientPenalties.cs). The engine counts one step per
  batch, and every step is ONE critic update on a fresh real batch; the generator is updated on the steps whose
  number (counted from 1) is a multiple of 5, after that step's critic update. One step is:
    critic: zero_grad, G forward on fresh noise (under torch.no_grad() on the steps where G is not updated, as the
      engine and the reference WGAN-GP code do: the graph would only be kept for nothing),
      D on the real batch and on the detached fakes, E[D(fake)] - E[D(real)] plus the gradient penalty
      10 * E[(||grad_x D(x_hat)||_2 - 1)^2] with x_hat = eps * real + (1 - eps) * fake, eps ~ U[0, 1] per sample
      (shape (B, 1, 1, 1, 1)), the gradient taken by autograd.grad(create_graph=True, retain_graph=True) and its norm
      as sqrt(sum(g^2) + 1e-12); backward (through the double-backward graph), Adam step;
    generator (every 5th step): zero_grad, -E[D(fake)] on the same fakes through the updated critic, backward,
      Adam step, g_loss.item();
    every step: d_loss, d_acc (score > 0 counts as "real"), mean real and fake scores stacked and read back in ONE
      host transfer, as the trainer does.
  No gradient clipping (the experiments set none).
- the data: plugins/Gan.Plugins.Midi/PianoRollDataSource.cs and PianoRoll/PianoRollDataset.cs. The engine caches
  the converted piano-rolls as <cache_root>/midi-pianoroll/<key>.bin: "GPRL", int32 version 1, int32 cells per
  segment, int32 files, int64 notes, int64 dropped notes, int32 skipped count and that many (path, reason)
  .NET strings, int32 byte count, then one byte (0/1) per cell, segments back to back, each
  (tracks, bars * steps, pitches). This script reads the newest cache file whose cells per segment match the
  variant, keeps the bytes (as the engine does) and converts each batch to float32 -1/+1 (value_range symmetric).
  Batches: a new order every epoch, only whole batches (the last partial batch is dropped, as the engine does).
  When no matching cache exists (the engine has not run the experiment with this cache root yet), it generates
  binary rolls of the same shape at the density of the piano-only data (2.4 % of cells on) and says so on stderr
  and in the details ("data": "generated"); the networks' cost does not depend on the values.

Differences from the engine that do not change the timing: the epoch order comes from torch.randperm instead of the
engine's seeded EpochOrder; the engine converts batches on a prefetch thread, here inline (a few milliseconds
against a step of tens to hundreds of milliseconds).

Prints one JSON line (peer_common.emit). Run with Debian's python3-torch and
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp (see bench/run.sh).
"""
import glob
import os
import struct
import sys
import time

import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "parity"))

import peer_common  # noqa: E402
from reference_networks import MuseGanDiscriminator, MuseGanGenerator  # noqa: E402

VARIANTS = {
    "musegan": dict(tracks=5, batch_size=64, z_dim=32, ngf=32, temporal_hidden=256, ndf=32),
    "musegan-small": dict(tracks=1, batch_size=16, z_dim=16, ngf=8, temporal_hidden=64, ndf=8),
}
BARS, STEPS_PER_BAR, PITCHES = 4, 48, 84
CRITIC_STEPS = 5          # WassersteinLoss.CriticSteps: the generator moves on every 5th step
GP_LAMBDA = 10.0
GENERATED_DENSITY = 0.024  # share of "on" cells in the piano-only midi-piano cache


# --- data -------------------------------------------------------------------------------------------------------

def _read_dotnet_string(buffer, offset):
    """A .NET BinaryWriter string: a 7-bit encoded byte length, then UTF-8 bytes."""
    length, shift = 0, 0
    while True:
        byte = buffer[offset]
        offset += 1
        length |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            break
    return buffer[offset:offset + length].decode("utf-8"), offset + length


def read_cache_file(path, cells_per_segment):
    """The segments of one engine cache file as uint8 (N, cells), or None when it is another layout or damaged."""
    with open(path, "rb") as f:
        buffer = f.read()
    if buffer[:4] != b"GPRL":
        return None
    version, cells, _files = struct.unpack_from("<iii", buffer, 4)
    if version != 1 or cells != cells_per_segment:
        return None
    offset = 4 + 12 + 16  # magic, three int32, two int64
    (skipped,) = struct.unpack_from("<i", buffer, offset)
    offset += 4
    for _ in range(2 * skipped):  # path and reason of each skipped file
        _, offset = _read_dotnet_string(buffer, offset)
    (length,) = struct.unpack_from("<i", buffer, offset)
    offset += 4
    if length % cells_per_segment != 0 or offset + length > len(buffer):
        return None
    data = np.frombuffer(buffer, dtype=np.uint8, count=length, offset=offset)
    return data.reshape(-1, cells_per_segment)


def load_segments(cache_root, tracks):
    """uint8 (N, tracks, bars, steps, pitches) from the newest matching engine cache, or generated rolls."""
    shape = (tracks, BARS, STEPS_PER_BAR, PITCHES)
    cells_per_segment = tracks * BARS * STEPS_PER_BAR * PITCHES
    if cache_root:
        candidates = glob.glob(os.path.join(cache_root, "midi-pianoroll", "*.bin"))
        for path in sorted(candidates, key=os.path.getmtime, reverse=True):
            segments = read_cache_file(path, cells_per_segment)
            if segments is not None and len(segments) > 0:
                print(f"musegan peer: {len(segments)} segments from {path}", file=sys.stderr)
                return torch.from_numpy(segments.copy()).view(-1, *shape), "cache"
    print(f"musegan peer: no midi-pianoroll cache with {cells_per_segment} cells per segment under {cache_root}; "
          f"generating binary rolls (density {GENERATED_DENSITY})", file=sys.stderr)
    count = 1663  # the segment count of midi-piano, so the epoch length matches
    segments = (torch.rand(count, *shape) < GENERATED_DENSITY).to(torch.uint8)
    return segments, "generated"


def batches(segments, batch_size):
    """Endless batches of float32 -1/+1: a new order every epoch, whole batches only."""
    count = segments.shape[0]
    size = min(batch_size, count)
    while True:
        order = torch.randperm(count)
        for b in range(count // size):
            picked = segments.index_select(0, order[b * size:(b + 1) * size])  # (B, T, bars, steps, pitches) uint8
            yield picked.float().mul_(2.0).sub_(1.0)  # (B, T, bars, steps, pitches) in {-1, 1}


# --- step ---------------------------------------------------------------------------------------------------------

def gradient_penalty(critic, real, fake):
    """GradientPenalties.WassersteinGradientPenalty: lambda * E[(||grad D(x_hat)|| - 1)^2], differentiable."""
    epsilon = torch.rand(real.shape[0], *([1] * (real.dim() - 1)))  # (B, 1, 1, 1, 1)
    interpolates = (epsilon * real.detach() + (1 - epsilon) * fake.detach()).requires_grad_(True)
    scores = critic(interpolates)  # (B, 1)
    gradient = torch.autograd.grad([scores], [interpolates], [torch.ones_like(scores)],
                                   retain_graph=True, create_graph=True)[0]  # (B, T, bars, steps, pitches)
    norms = gradient.flatten(1).pow(2).sum(1).add(1e-12).sqrt()  # (B,)
    return norms.sub(1).pow(2).mean().mul(GP_LAMBDA)


def train_step(step, generator, critic, g_opt, d_opt, real, latent_dim, last_g_loss):
    n = real.shape[0]

    # Critic update: the real batch against fresh fakes; G's graph is recorded only when G is updated this step.
    updates_generator = step % CRITIC_STEPS == 0
    d_opt.zero_grad()
    with torch.set_grad_enabled(updates_generator):
        fake = generator(torch.randn(n, latent_dim))  # (B, T, bars, steps, pitches)
    fake_detached = fake.detach()
    real_scores = critic(real)  # (B, 1)
    fake_scores = critic(fake_detached)  # (B, 1)
    d_loss = fake_scores.mean() - real_scores.mean() + gradient_penalty(critic, real, fake_detached)
    d_loss.backward()
    d_opt.step()

    # Generator update on every 5th step, through the updated critic, on the same fakes.
    if updates_generator:
        g_opt.zero_grad()
        g_loss = -critic(fake).mean()
        g_loss.backward()
        g_opt.step()
        last_g_loss = g_loss.item()

    # The trainer's statistics, read back in one transfer: d_loss, d_acc, d_real, d_fake.
    with torch.no_grad():
        correct = (real_scores > 0).sum() + (fake_scores <= 0).sum()
        accuracy = correct.float() / (real_scores.numel() + fake_scores.numel())
        summary = torch.stack([d_loss, accuracy, real_scores.mean(), fake_scores.mean()]).tolist()
    values = {"d_loss": summary[0], "d_acc": summary[1], "d_real": summary[2], "d_fake": summary[3]}
    if last_g_loss is not None:
        values["g_loss"] = last_g_loss
    return values, last_g_loss


def main():
    args = peer_common.parser(__doc__.splitlines()[0], variants=list(VARIANTS)).parse_args()
    peer_common.setup(args)
    config = VARIANTS[args.variant]
    tracks, z_dim = config["tracks"], config["z_dim"]
    latent_dim = z_dim * (2 + 2 * tracks)  # shared, shared temporal, private and private temporal per track

    segments, source = load_segments(args.cache_root, tracks)
    data = batches(segments, config["batch_size"])
    generator = MuseGanGenerator(z_dim=z_dim, tracks=tracks, bars=BARS, steps_per_bar=STEPS_PER_BAR, pitches=PITCHES,
                                 ngf=config["ngf"], temporal_hidden=config["temporal_hidden"], output_activation="tanh")
    critic = MuseGanDiscriminator(tracks=tracks, bars=BARS, steps_per_bar=STEPS_PER_BAR, pitches=PITCHES,
                                  ndf=config["ndf"])
    generator.train()
    critic.train()
    g_opt = torch.optim.Adam(generator.parameters(), lr=1e-3, betas=(0.5, 0.9))
    d_opt = torch.optim.Adam(critic.parameters(), lr=1e-3, betas=(0.5, 0.9))

    trace = peer_common.RssTrace(args.warmup_steps, args.sample_every)
    values, last_g_loss = {}, None
    started = time.perf_counter()
    for step in range(1, args.steps + 1):
        values, last_g_loss = train_step(step, generator, critic, g_opt, d_opt, next(data), latent_dim, last_g_loss)
        trace.after_step(step)
    seconds = time.perf_counter() - started

    values.update({"variant": args.variant, "data": source, "batch_size": config["batch_size"]})
    peer_common.emit(args.steps, seconds, trace, values)


if __name__ == "__main__":
    main()
