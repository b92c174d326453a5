#!/usr/bin/env python3
"""PyTorch peer of experiments/sine-lstm.yaml: its two stages, chosen with --variant.

predictor: the "predictor" stage. The LSTM sine predictor of pytorch/examples time_sequence_prediction (`Sequence`:
    LSTM cells lstm1, lstm2 and a Linear `linear`), reused from bench/parity/reference_networks.py (LstmPredictor,
    window 10, 50 hidden units, 2 cells), trained as plugins/Gan.Plugins.Sequences/Training/PredictorTrainer.cs
    trains it. One step: cut the batch (B=32 sequences of 64 steps plus the next value) into its 32 x 55 windows of
    10 past values and the value that follows (PredictionWindows.Cut), keep a random 512 of those 1,760
    (windows_per_step), one forward through the cells, MSE, backward, one Adam step (lr 1e-3, betas (0.9, 0.999)),
    and one .item() (the "mse" the trainer returns). The prediction is the head on the top cell's last hidden state
    (Networks/LstmPredictor.cs); the reference module's forward applies the head after every step instead, so the
    peer steps the same cells and applies the head once, as the engine does.

gan: the "gan" stage, a recurrent GAN (RGAN / C-RNN-GAN style) of the project's own design (no outside reference):
    the generator and discriminator below are written from plugins/Gan.Plugins.Sequences/Networks/LstmGenerator.cs
    and LstmDiscriminator.cs with the engine's parameter names, so `gan export --format pytorch` files load with
    strict=True (--check-export). Trained as src/Gan.Engine/BuiltIns/AdversarialTrainer.cs with the "minimax" loss
    (BuiltIns/Losses/MinimaxLoss.cs, BinaryCrossEntropyTerms.cs): one step is one discriminator update (fakes from a
    fresh (B, 65, 8) normal latent; BCE-with-logits of the real per-step scores against 0.9, one-sided label
    smoothing 0.1, plus BCE of the detached fakes' scores against 0; Adam 5e-4, (0.5, 0.999)) then one generator
    update (minimax uses one D step per G step) through the updated discriminator on the same fakes (non-saturating
    BCE against 1; Adam 1e-3, (0.5, 0.999)). Per step the engine reads back g_loss with .item() and then one stacked
    tensor of d_loss, d_acc, the mean real score and the mean fake score: the peer computes and reads the same.

Data: the "sine" source (plugins/Gan.Plugins.Sequences/Data/SineWaves.cs, SequenceBatches.cs): 1,024 sequences of
65 values, sin(2*pi*0.05*t + phase), phase uniform in [0, 2*pi), amplitude 1, no noise; batches of 32 rows
shuffled every epoch, x = values 0..63 and y = values 1..64, each (B, 64, 1). Generated with numpy before the timer.

Differences from the engine, none of which changes the work timed:
- The sequences come from numpy's generator, not the engine's SeededRandom: same distribution and shapes, other
  phases. Shuffling uses torch.randperm rather than the engine's (seed, epoch) permutation.
- Weights start from PyTorch's initialisers with this script's seed, not the engine's: same shapes and scales.
- The engine's adversarial trainer does not detach the fake scores in its summary; the peer detaches them (the
  values read back are the same; no gradient flows from the summary in either).
- The engine runs stage callbacks after each step (tracking, health checks every N steps, metrics, samples,
  checkpoints); they are the engine's own overhead and have no counterpart here.

Prints one JSON line (peer_common.emit). Run with Debian's python3-torch and
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp (see bench/run.sh).
"""
import math
import os
import sys
import time

import numpy as np
import torch
from torch import nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))
import peer_common  # noqa: E402
from reference_networks import LstmPredictor  # noqa: E402

# experiments/sine-lstm.yaml
SEQUENCE_COUNT, SEQUENCE_LENGTH, FREQUENCY, BATCH_SIZE = 1024, 64, 0.05, 32
WINDOW, PREDICTOR_HIDDEN, PREDICTOR_LAYERS, WINDOWS_PER_STEP = 10, 50, 2, 512
NOISE_DIM, GENERATOR_HIDDEN, GENERATOR_LAYERS = 8, 32, 2
DISCRIMINATOR_HIDDEN, DISCRIMINATOR_LAYERS = 32, 1
LABEL_SMOOTHING = 0.1


# --- data ------------------------------------------------------------------------------------------------------

def sine_sequences(seed):
    """(N, T + 1) float32 sines: one frequency, random phase, unit amplitude, no noise (the sine source's ranges)."""
    rng = np.random.default_rng(seed)
    phase = rng.uniform(0.0, 2.0 * math.pi, size=(SEQUENCE_COUNT, 1))
    t = np.arange(SEQUENCE_LENGTH + 1)
    values = np.sin(2.0 * math.pi * FREQUENCY * t + phase)  # (N, T + 1)
    return torch.from_numpy(values.astype(np.float32))


def batches(sequences):
    """Endless (x, y) batches: each epoch shuffled, last partial batch kept, as SequenceBatches.Read."""
    count, length = sequences.shape[0], sequences.shape[1] - 1
    while True:
        order = torch.randperm(count)
        for start in range(0, count, BATCH_SIZE):
            rows = sequences.index_select(0, order[start:start + BATCH_SIZE])  # (B, T + 1)
            x = rows[:, :length].reshape(-1, length, 1)  # (B, T, 1)
            y = rows[:, 1:].reshape(-1, length, 1)  # (B, T, 1) the next value at every step
            yield x, y


# --- predictor stage -------------------------------------------------------------------------------------------

class NextValuePredictor(LstmPredictor):
    """The reference's cells and head; the head is applied once, to the top cell's last state (LstmPredictor.cs)."""

    def forward(self, windows):
        """(N, W, 1) windows -> (N, 1) next values."""
        batch = windows.size(0)
        states = [(windows.new_zeros(batch, self.hidden_size), windows.new_zeros(batch, self.hidden_size))
                  for _ in range(self.num_layers)]
        top = None
        for t in range(windows.size(1)):
            x = windows[:, t]  # (N, 1)
            for layer in range(self.num_layers):
                if layer > 0 and self.dropout > 0:
                    x = F.dropout(x, self.dropout, self.training)
                states[layer] = getattr(self, f"lstm{layer + 1}")(x, states[layer])
                x = states[layer][0]  # (N, hidden)
            top = x
        return self.linear(top)  # (N, 1)


def prediction_windows(x, y, window):
    """Every window of `window` past values and the value after it (PredictionWindows.Cut)."""
    series = torch.cat([x.squeeze(-1), y[:, -1].reshape(-1, 1)], 1)  # (B, T + 1)
    pairs = series.unfold(1, window + 1, 1).reshape(-1, window + 1)  # (B * (T - W + 1), W + 1)
    return pairs[:, :window].unsqueeze(-1), pairs[:, window:]  # (N, W, 1), (N, 1)


def run_predictor(args, sequences):
    predictor = NextValuePredictor(window=WINDOW, hidden_size=PREDICTOR_HIDDEN, num_layers=PREDICTOR_LAYERS)
    optimizer = torch.optim.Adam(predictor.parameters(), lr=1e-3)
    predictor.train()
    data = batches(sequences)
    trace = peer_common.RssTrace(args.warmup_steps, args.sample_every)
    mse_value = float("nan")

    started = time.perf_counter()
    for step in range(1, args.steps + 1):
        x, y = next(data)
        inputs, targets = prediction_windows(x, y, WINDOW)  # (1760, 10, 1), (1760, 1)
        if WINDOWS_PER_STEP < inputs.shape[0]:
            pick = torch.randperm(inputs.shape[0])[:WINDOWS_PER_STEP]
            inputs, targets = inputs.index_select(0, pick), targets.index_select(0, pick)  # (512, 10, 1), (512, 1)

        optimizer.zero_grad()
        loss = F.mse_loss(predictor(inputs), targets)
        loss.backward()
        optimizer.step()
        mse_value = loss.item()  # the trainer's one read-back per step
        trace.after_step(step)
    seconds = time.perf_counter() - started
    return seconds, trace, {"mse": mse_value}


# --- gan stage -------------------------------------------------------------------------------------------------

class LstmGenerator(nn.Module):
    """LstmGenerator.cs with sequence_latent initial_state, output linear, feedback false.

    The latent is (B, T + 1, noise_dim): row 0 a per-sequence code that sets h0 and c0 of every layer through a
    Linear and tanh, rows 1..T the per-step noise fed to a batch-first LSTM; a Linear head per step.
    """

    def __init__(self, noise_dim=NOISE_DIM, hidden_size=GENERATOR_HIDDEN, num_layers=GENERATOR_LAYERS):
        super().__init__()
        self.hidden_size, self.num_layers = hidden_size, num_layers
        # Registered in the engine's order: lstm, head, initial.
        self.lstm = nn.LSTM(noise_dim, hidden_size, num_layers, batch_first=True)
        self.head = nn.Linear(hidden_size, 1)
        self.initial = nn.Linear(noise_dim, 2 * num_layers * hidden_size)

    def forward(self, latent):
        batch = latent.size(0)
        code = latent[:, 0]  # (B, noise_dim)
        noise = latent[:, 1:]  # (B, T, noise_dim)
        states = self.initial(code).tanh().reshape(batch, 2, self.num_layers, self.hidden_size).permute(1, 2, 0, 3)
        # (2, layers, B, hidden): h0 and c0
        output, _ = self.lstm(noise, (states[0].contiguous(), states[1].contiguous()))  # (B, T, hidden)
        return self.head(output)  # (B, T, 1)


class LstmDiscriminator(nn.Module):
    """LstmDiscriminator.cs with minibatch_std: a bidirectional LSTM over (value, batch spread) and a per-step head."""

    def __init__(self, hidden_size=DISCRIMINATOR_HIDDEN, num_layers=DISCRIMINATOR_LAYERS, bidirectional=True):
        super().__init__()
        self.lstm = nn.LSTM(2, hidden_size, num_layers, batch_first=True, bidirectional=bidirectional)
        self.head = nn.Linear(hidden_size * (2 if bidirectional else 1), 1)

    def forward(self, sequences):
        """(B, T, 1) -> per-step logits (B, T)."""
        if sequences.size(0) > 1:
            # The batch's standard deviation at each step; +1e-8 keeps the gradient of the square root finite.
            spread = sequences.var(0, unbiased=False, keepdim=True).add(1e-8).sqrt()  # (1, T, 1)
        else:
            spread = torch.zeros_like(sequences[:1])  # (1, T, 1): a batch of one has no spread
        features = torch.cat([sequences, spread.expand(sequences.size(0), -1, -1)], 2)  # (B, T, 2)
        output, _ = self.lstm(features)  # (B, T, hidden * directions)
        return self.head(output).squeeze(-1)  # (B, T)


def run_gan(args, sequences):
    generator, discriminator = LstmGenerator(), LstmDiscriminator()
    g_opt = torch.optim.Adam(generator.parameters(), lr=1e-3, betas=(0.5, 0.999))
    d_opt = torch.optim.Adam(discriminator.parameters(), lr=5e-4, betas=(0.5, 0.999))
    generator.train()
    discriminator.train()
    data = batches(sequences)
    trace = peer_common.RssTrace(args.warmup_steps, args.sample_every)
    values = {}

    started = time.perf_counter()
    for step in range(1, args.steps + 1):
        real, _ = next(data)  # (B, 64, 1); the GAN reads only x
        count = real.size(0)

        # Discriminator: real batch against freshly generated fakes.
        d_opt.zero_grad()
        fake = generator(torch.randn(count, SEQUENCE_LENGTH + 1, NOISE_DIM))  # (B, 64, 1) from (B, 65, 8)
        fake_detached = fake.detach()
        real_scores = discriminator(real)  # (B, 64)
        fake_scores = discriminator(fake_detached)  # (B, 64)
        d_loss = (F.binary_cross_entropy_with_logits(real_scores, torch.full_like(real_scores, 1.0 - LABEL_SMOOTHING))
                  + F.binary_cross_entropy_with_logits(fake_scores, torch.zeros_like(fake_scores)))
        d_loss.backward()
        d_opt.step()

        # Generator: through the updated discriminator, on the same fakes (one D step per G step for minimax).
        g_opt.zero_grad()
        fake_for_g = discriminator(fake)  # (B, 64)
        g_loss = F.binary_cross_entropy_with_logits(fake_for_g, torch.ones_like(fake_for_g))
        g_loss.backward()
        g_opt.step()
        g_value = g_loss.item()  # read-back 1

        # The engine's summary: one stacked tensor read back for all discriminator statistics (read-back 2).
        correct = (real_scores.detach() > 0.0).sum() + (fake_scores.detach() <= 0.0).sum()
        accuracy = correct.float() / (real_scores.numel() + fake_scores.numel())
        summary = torch.stack([d_loss.detach(), accuracy, real_scores.detach().mean(), fake_scores.detach().mean()])
        d_value, d_acc, d_real, d_fake = summary.tolist()
        values = {"d_loss": d_value, "g_loss": g_value, "d_acc": d_acc, "d_real": d_real, "d_fake": d_fake}
        trace.after_step(step)
    seconds = time.perf_counter() - started
    return seconds, trace, values


# --- exported weights ------------------------------------------------------------------------------------------

def check_export(folder):
    """Loads `gan export --format pytorch` files of this experiment with strict=True; reports to stderr."""
    networks = {
        "predictor": NextValuePredictor(window=WINDOW, hidden_size=PREDICTOR_HIDDEN, num_layers=PREDICTOR_LAYERS),
        "generator": LstmGenerator(),
        "discriminator": LstmDiscriminator(),
    }
    for name, network in networks.items():
        path = os.path.join(folder, f"{name}.pth")
        if not os.path.exists(path):
            print(f"{name}: no {path}", file=sys.stderr)
            continue
        state = torch.load(path, map_location="cpu")
        network.load_state_dict(state, strict=True)
        print(f"{name}: {len(state)} keys loaded strictly from {path}", file=sys.stderr)
    with torch.no_grad():
        fake = networks["generator"](torch.randn(4, SEQUENCE_LENGTH + 1, NOISE_DIM))  # (4, 64, 1)
        scores = networks["discriminator"](fake)  # (4, 64)
        windows = fake[:, :WINDOW]  # (4, 10, 1)
        print(f"generator {tuple(fake.shape)}, discriminator {tuple(scores.shape)}, "
              f"predictor {tuple(networks['predictor'](windows).shape)}", file=sys.stderr)


def main():
    p = peer_common.parser(__doc__.splitlines()[0], variants=["predictor", "gan"])
    p.add_argument("--check-export", metavar="FOLDER", default=None,
                   help="load a `gan export --format pytorch` folder of this experiment strictly, report, exit")
    args = p.parse_args()
    peer_common.setup(args)
    if args.check_export:
        check_export(args.check_export)
        return

    sequences = sine_sequences(args.seed)  # (1024, 65)
    run = run_predictor if args.variant == "predictor" else run_gan
    seconds, trace, values = run(args, sequences)
    details = {"variant": args.variant}
    details.update(values)
    peer_common.emit(args.steps, seconds, trace, details)


if __name__ == "__main__":
    main()
