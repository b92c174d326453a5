#!/usr/bin/env python3
"""PyTorch peer of the question-answer text experiment (experiments/qa-text.yaml), one variant per stage.

  --variant mle            stage "pretrain-generator", trainer seq2seq-mle
  --variant discriminator  stage "pretrain-discriminator", trainer pair-discriminator (fake_decoding: sample)
  --variant seqgan         stage "adversarial", trainer seqgan (mle_weight 1, adversarial_weight 1, baseline_decay 0.9)

What it follows (project files, plugins/Gan.Plugins.Text unless noted):
  - Networks/Seq2SeqGenerator.cs (GRU encoder-decoder, Luong dot attention, no input feeding), Networks/
    PairDiscriminator.cs (shared embedding, two GRU encoders, MLP over [q; a; q*a]), Networks/SequenceMasks.cs
    (last real state by gather, CutAtEnd), Networks/AnswerDecoding.cs (token-by-token sampling with an early stop
    when every row has written </s>). Parameter names are the engine's (`_embedding.weight`, `_encoder.weight_ih_l0`,
    `_questionEncoder.*`, `_classifier.1.weight`, ...), so `gan export --format pytorch` files load with strict=True
    (see --init-from).
  - Training/Seq2SeqMleTrainer.cs, PairDiscriminatorTrainer.cs, DiscriminatorUpdate.cs, SeqGanTrainer.cs,
    TextTraining.cs for the steps; src/Gan.Engine/BuiltIns/Losses/BinaryCrossEntropyTerms.cs for the minimax
    discriminator loss (BCE(real, 1) + BCE(fake, 0), on logits); src/Gan.Engine/Training/Optimizers/GradientClip.cs
    (clip_grad_norm_ over the role's parameters before Adam's step); OptimizerDefinition.cs for Adam's betas
    (0.9, 0.999).
  - Data/QaDataSource.cs, QaBatches.cs, Text/WordTokenizer.cs, Text/Vocabulary.cs: 368 pairs, 37 held out, words
    lower-cased and split as the plugin does, questions cut at 24 tokens, answers at 24 + </s>; every batch padded to
    its own longest question and answer (not to the maximum); 331 training pairs -> 11 batches per epoch, the last of
    11 pairs, reshuffled every epoch. One step = one batch, as the engine's stage runner counts.

All networks stay in training mode in every stage, as the engine's stage runner sets them: dropout is active while the
generator samples fake answers, too.

Differences from the engine, none of which changes the work per step:
  - The held-out draw and the epoch order use Python/torch generators instead of the engine's SeededRandom, so the
    token ids and the batch members differ; the shapes (batch 32, lengths up to 24/25) are the same kind.
  - The discriminator takes (question, answer) as two tensors. The engine packs them into one tensor
    [q | <sep> | a] (IDiscriminator.Score takes one tensor) and splits it again inside forward, which costs a cat, a
    nonzero and one .item() per discriminator call that this peer does not do.
  - The engine reads the clipped gradient norm back as a double (TorchSharp's clip_grad_norm_ returns one); here the
    returned tensor is left unread, as PyTorch code usually does (on CPU the read is free).
  - Networks start from PyTorch's default initialisation (TorchSharp's are the same kinds) unless --init-from gives
    exported weights. With untrained weights the sampled answers rarely draw </s>, so the sampling loop runs all 25
    steps; from a pre-trained generator it stops earlier. Time the engine's stage from comparable weights.

Per-step .item() reads, as the engine: mle 1 (loss); discriminator 1 per sampled token (the early-stop check) + 4
(d_loss, d_acc, d_real, d_fake); seqgan 1 per sampled token + 4 + 1 (mean reward, for the baseline) + 3 (g_loss,
pg_loss, mle_loss).

Prints one JSON line (peer_common.emit). Run with Debian's python3-torch and
LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp (see bench/run.sh).
"""
import os
import random
import sys
import time

import torch
import torch.nn.functional as F
from torch import nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_common  # noqa: E402

# Vocabulary.cs: the special tokens come first, in this order.
PAD, START, END, UNKNOWN, SEPARATOR = 0, 1, 2, 3, 4
SPECIALS = ["<pad>", "<s>", "</s>", "<unk>", "<sep>"]

# experiments/qa-text.yaml
DATA_FILE = "qa-general.tsv"
BATCH_SIZE = 32
VALIDATION_FRACTION = 0.1
MAX_VOCAB = 1000
MAX_QUESTION_LENGTH = 24
MAX_ANSWER_LENGTH = 24          # the data's cut; </s> is appended after it
GENERATOR = dict(vocab_size=1000, embedding_dim=64, hidden_dim=128, dropout=0.2, max_answer_length=25)
DISCRIMINATOR = dict(vocab_size=1000, embedding_dim=32, hidden_dim=64, dropout=0.2)
CLIP_GRAD_NORM = 5.0
MLE_LR = 3e-3                   # generator, stage pretrain-generator
ADVERSARIAL_GENERATOR_LR = 5e-4  # generator, stage adversarial (the stage's own optimizer section)
DISCRIMINATOR_LR = 5e-4
MLE_WEIGHT, ADVERSARIAL_WEIGHT, BASELINE_DECAY, TEMPERATURE = 1.0, 1.0, 0.9, 1.0


# ----------------------------------------------------------------------------------------------------------------
# Data: WordTokenizer.cs, Vocabulary.cs, QaDataSource.cs, QaBatches.cs

def _is_word_character(text, i):
    """Letters, digits, '_', and the inner characters that keep "c#", "c++", "3.14", ".net", "e-mail" whole."""
    c = text[i]
    if c.isalnum() or c == "_":
        return True
    previous_is_word = i > 0 and text[i - 1].isalnum()
    next_is_word = i + 1 < len(text) and text[i + 1].isalnum()
    if c == ".":
        return next_is_word and (previous_is_word or i == 0 or text[i - 1].isspace())
    if c == "-":
        return previous_is_word and next_is_word
    if c in "#+":
        return previous_is_word or (i > 0 and text[i - 1] == "+")
    return False


def tokenize(text):
    """Lower-cased words, numbers and single punctuation marks; clitics ("'s") are their own token."""
    tokens, word = [], []

    def flush():
        if word:
            tokens.append("".join(word).lower())
            word.clear()

    for i, c in enumerate(text):
        if c.isspace():
            flush()
        elif _is_word_character(text, i):
            word.append(c)
        elif c == "'" and word and i + 1 < len(text) and text[i + 1].isalpha():
            flush()
            word.append(c)
        else:
            flush()
            tokens.append(c)
    flush()
    return tokens


def read_pairs(path):
    """question<TAB>answer lines; blank lines, '#' lines and a "question<TAB>answer" header are skipped."""
    pairs = []
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            stripped = line.strip()
            if not stripped or stripped.startswith("#"):
                continue
            question, answer = (field.strip() for field in line.rstrip("\n").split("\t"))
            if number == 1 and question.lower() == "question" and answer.lower() == "answer":
                continue
            pairs.append((question, answer))
    return pairs


def build_vocabulary(sentences):
    """Specials, then words by descending count, ties in ordinal order, at most MAX_VOCAB in all."""
    counts = {}
    for sentence in sentences:
        for token in sentence:
            counts[token] = counts.get(token, 0) + 1
    words = sorted((t for t in counts if t not in SPECIALS), key=lambda t: (-counts[t], t))
    tokens = SPECIALS + words[:MAX_VOCAB - len(SPECIALS)]
    return {token: i for i, token in enumerate(tokens)}


def training_pairs(path, seed):
    """The training share encoded as id lists: (question ids, answer ids + </s>) in file order."""
    pairs = read_pairs(path)
    order = list(range(len(pairs)))
    random.Random(seed).shuffle(order)
    held = min(max(round(len(pairs) * VALIDATION_FRACTION), 1), len(pairs) - 1)
    train = [pairs[i] for i in sorted(order[held:])]
    tokenized = [(tokenize(q), tokenize(a)) for q, a in train]
    vocabulary = build_vocabulary([s for pair in tokenized for s in pair])

    def encode(tokens, limit):
        return [vocabulary.get(t, UNKNOWN) for t in tokens[:limit]]

    encoded = [(encode(q, MAX_QUESTION_LENGTH), encode(a, MAX_ANSWER_LENGTH) + [END]) for q, a in tokenized]
    return encoded, len(vocabulary)


def pad(rows):
    """(B, L) int64, right-padded with <pad> to the longest row of this batch (QaBatches.Pad)."""
    width = max(1, max(len(r) for r in rows))
    return torch.tensor([row + [PAD] * (width - len(row)) for row in rows], dtype=torch.int64)


def batches(pairs, seed):
    """Endless (question, answer) batches: a new order every epoch, the last partial batch kept."""
    epoch = 0
    while True:
        shuffle = torch.Generator().manual_seed(seed * 1000 + epoch)
        order = torch.randperm(len(pairs), generator=shuffle).tolist()
        for start in range(0, len(pairs), BATCH_SIZE):
            members = [pairs[i] for i in order[start:start + BATCH_SIZE]]
            yield pad([q for q, _ in members]), pad([a for _, a in members])  # (B, Lq), (B, La)
        epoch += 1


# ----------------------------------------------------------------------------------------------------------------
# Networks. Attribute names carry the engine's leading underscores so exported state_dicts load strictly.

def lengths_of(tokens):
    """Real tokens per row, at least 1, (B)."""
    return tokens.ne(PAD).sum(1).clamp_min(1)


def last_state(outputs, lengths):
    """The GRU output at each row's last real token, (B, H); equals an unpadded run's final state."""
    index = (lengths - 1).view(-1, 1, 1).expand(-1, 1, outputs.shape[2])  # (B, 1, H)
    return outputs.gather(1, index).squeeze(1)  # (B, H)


def cut_at_end(ids):
    """Everything after each row's first </s> set to <pad>, (B, L)."""
    is_end = ids.eq(END).long()
    ends_before = is_end.cumsum(1) - is_end
    return ids.masked_fill(ends_before.gt(0), PAD)


class Seq2SeqGenerator(nn.Module):
    """GRU encoder-decoder with Luong global dot attention (seq2seq-attention)."""

    def __init__(self, vocab_size, embedding_dim, hidden_dim, dropout, max_answer_length):
        super().__init__()
        self.max_answer_length = max_answer_length
        self._embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=PAD)
        self._encoder = nn.GRU(embedding_dim, hidden_dim, batch_first=True)
        self._decoder = nn.GRU(embedding_dim, hidden_dim, batch_first=True)
        self._combine = nn.Linear(2 * hidden_dim, hidden_dim)
        self._output = nn.Linear(hidden_dim, vocab_size)
        self._dropout = nn.Dropout(dropout)

    def encode(self, question):
        """Encoder states (B, Lq, H), the padding mask (B, Lq) and the decoder's initial state (1, B, H)."""
        embedded = self._dropout(self._embedding(question))  # (B, Lq, E)
        outputs, _ = self._encoder(embedded)  # (B, Lq, H)
        final = last_state(outputs, lengths_of(question)).unsqueeze(0)  # (1, B, H)
        return outputs, question.eq(PAD), final

    def decode(self, encoded, inputs, state):
        """Logits (B, T, V) for input ids (B, T) from state (1, B, H), and the new state."""
        encoder_outputs, padding, _ = encoded
        embedded = self._dropout(self._embedding(inputs))  # (B, T, E)
        outputs, state = self._decoder(embedded, state)  # (B, T, H)
        scores = outputs.bmm(encoder_outputs.transpose(1, 2))  # (B, T, Lq)
        scores = scores.masked_fill(padding.unsqueeze(1), float("-inf"))
        context = F.softmax(scores, dim=-1).bmm(encoder_outputs)  # (B, T, H)
        attentional = self._dropout(torch.tanh(self._combine(torch.cat([context, outputs], dim=-1))))  # (B, T, H)
        return self._output(attentional), state  # (B, T, V)

    def teacher_forced_logits(self, question, answer):
        """The decoder reads <s> + answer[:-1] in one call: logits (B, La, V)."""
        encoded = self.encode(question)
        start = torch.full((answer.shape[0], 1), START, dtype=torch.int64)
        inputs = torch.cat([start, answer[:, :-1]], dim=1)  # (B, La)
        logits, _ = self.decode(encoded, inputs, encoded[2])
        return logits

    def sample(self, question, temperature):
        """Answers drawn token by token from softmax(logits / T), stopping once every row has written </s>."""
        encoded = self.encode(question)
        state = encoded[2]
        tokens = torch.full((question.shape[0], 1), START, dtype=torch.int64)  # (B, 1)
        finished = torch.zeros(question.shape[0], dtype=torch.bool)  # (B)
        steps = []
        for _ in range(self.max_answer_length):
            logits, state = self.decode(encoded, tokens, state)  # (B, 1, V)
            probabilities = F.softmax(logits.squeeze(1) / temperature, dim=-1)  # (B, V)
            token = torch.multinomial(probabilities, 1).squeeze(-1)  # (B)
            token = token.masked_fill(finished, PAD)
            steps.append(token)
            finished = finished | token.eq(END)
            tokens = token.unsqueeze(1)
            if finished.all().item():  # one read-back per token, as AnswerDecoding.StepWise
                break
        return cut_at_end(torch.stack(steps, dim=1))  # (B, L)


class PairDiscriminator(nn.Module):
    """qa-pair-gru: one logit per (question, answer) pair."""

    def __init__(self, vocab_size, embedding_dim, hidden_dim, dropout):
        super().__init__()
        self._embedding = nn.Embedding(vocab_size, embedding_dim, padding_idx=PAD)
        self._questionEncoder = nn.GRU(embedding_dim, hidden_dim, batch_first=True)
        self._answerEncoder = nn.GRU(embedding_dim, hidden_dim, batch_first=True)
        self._classifier = nn.Sequential(
            nn.Dropout(dropout),
            nn.Linear(3 * hidden_dim, hidden_dim),
            nn.LeakyReLU(0.2),
            nn.Linear(hidden_dim, 1))

    def _encode(self, encoder, tokens):
        outputs, _ = encoder(self._embedding(tokens))  # (B, L, H)
        return last_state(outputs, lengths_of(tokens))  # (B, H)

    def forward(self, question, answer):
        q = self._encode(self._questionEncoder, question)  # (B, H)
        a = self._encode(self._answerEncoder, answer)  # (B, H)
        return self._classifier(torch.cat([q, a, q * a], dim=1)).squeeze(1)  # (B)


# ----------------------------------------------------------------------------------------------------------------
# Training steps

def mle_loss(generator, question, answer):
    """Mean cross-entropy per real answer token under teacher forcing."""
    logits = generator.teacher_forced_logits(question, answer)  # (B, La, V)
    return F.cross_entropy(logits.reshape(-1, logits.shape[2]), answer.reshape(-1), ignore_index=PAD)


def clipped_step(optimizer, parameters):
    """The engine's optimiser step with clip_grad_norm: clip the role's gradients, then Adam."""
    torch.nn.utils.clip_grad_norm_(parameters, CLIP_GRAD_NORM)
    optimizer.step()


def mle_step(generator, optimizer, question, answer):
    optimizer.zero_grad()
    loss = mle_loss(generator, question, answer)
    loss.backward()
    clipped_step(optimizer, generator.parameters())
    value = loss.item()
    return {"loss": value}


def sample_fakes(generator, question):
    with torch.no_grad():
        return generator.sample(question, TEMPERATURE)  # (B, L)


def discriminator_step(discriminator, optimizer, question, real_answer, fake_answer):
    """DiscriminatorUpdate.Run with the minimax loss: BCE(real, 1) + BCE(fake, 0) on logits; four read-backs."""
    optimizer.zero_grad()
    real = discriminator(question, real_answer)  # (B)
    fake = discriminator(question, fake_answer)  # (B)
    loss = (F.binary_cross_entropy_with_logits(real, torch.ones_like(real))
            + F.binary_cross_entropy_with_logits(fake, torch.zeros_like(fake)))
    loss.backward()
    optimizer.step()
    correct = real.detach().gt(0).sum() + fake.detach().le(0).sum()
    return {
        "d_loss": loss.item(),
        "d_acc": correct.item() / (real.numel() + fake.numel()),
        "d_real": real.mean().item(),
        "d_fake": fake.mean().item(),
    }


class SeqGanStep:
    """SeqGanTrainer.Step: a discriminator update on sampled answers, then REINFORCE + MLE for the generator."""

    def __init__(self, generator, discriminator):
        self.generator, self.discriminator = generator, discriminator
        self.generator_optimizer = torch.optim.Adam(generator.parameters(), lr=ADVERSARIAL_GENERATOR_LR, betas=(0.9, 0.999))
        self.discriminator_optimizer = torch.optim.Adam(discriminator.parameters(), lr=DISCRIMINATOR_LR, betas=(0.9, 0.999))
        self.baseline = None

    def __call__(self, question, answer):
        sampled = sample_fakes(self.generator, question)  # (B, L)
        values = discriminator_step(self.discriminator, self.discriminator_optimizer, question, answer, sampled)
        # The minimax loss asks for one discriminator step per generator step: the generator updates every step.
        values.update(self.generator_update(question, answer, sampled))
        return values

    def generator_update(self, question, answer, sampled):
        with torch.no_grad():
            reward = torch.sigmoid(self.discriminator(question, sampled))  # (B)
        mean_reward = reward.mean().item()
        self.baseline = mean_reward if self.baseline is None else (
            BASELINE_DECAY * self.baseline + (1 - BASELINE_DECAY) * mean_reward)
        advantage = reward - self.baseline  # (B)

        self.generator_optimizer.zero_grad()
        logits = self.generator.teacher_forced_logits(question, sampled)  # (B, L, V)
        token_log_probs = F.log_softmax(logits, dim=-1).gather(2, sampled.unsqueeze(2)).squeeze(2)  # (B, L)
        mask = sampled.ne(PAD).to(token_log_probs.dtype)  # (B, L)
        policy_loss = -(advantage.unsqueeze(1) * token_log_probs * mask).sum() / mask.sum().clamp_min(1)
        # A second encoder pass for the real answers, as the engine's trainer does (its MleLoss encodes again).
        mle = mle_loss(self.generator, question, answer)
        loss = ADVERSARIAL_WEIGHT * policy_loss + MLE_WEIGHT * mle
        loss.backward()
        clipped_step(self.generator_optimizer, self.generator.parameters())
        return {"g_loss": loss.item(), "pg_loss": policy_loss.item(), "mle_loss": mle.item(),
                "reward": mean_reward, "baseline": self.baseline}


# ----------------------------------------------------------------------------------------------------------------

def data_file(data_root):
    """--data-root/qa-general.tsv when it is there, else the repository's experiments/data/qa-general.tsv."""
    candidate = os.path.join(data_root, DATA_FILE)
    if os.path.isfile(candidate):
        return candidate
    repository = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    return os.path.join(repository, "experiments", "data", DATA_FILE)


def load_exported(network, folder, name):
    """Loads <folder>/<name>.pth (gan export --format pytorch) strictly; every key and shape must match."""
    path = os.path.join(folder, name + ".pth")
    state = torch.load(path, map_location="cpu")
    network.load_state_dict(state, strict=True)
    print(f"loaded {len(state)} tensors from {path} (strict)", file=sys.stderr)


def build_step(variant, generator, discriminator):
    """The variant's per-step function of (question, answer)."""
    if variant == "mle":
        optimizer = torch.optim.Adam(generator.parameters(), lr=MLE_LR, betas=(0.9, 0.999))
        return lambda q, a: mle_step(generator, optimizer, q, a)
    if variant == "discriminator":
        optimizer = torch.optim.Adam(discriminator.parameters(), lr=DISCRIMINATOR_LR, betas=(0.9, 0.999))
        return lambda q, a: discriminator_step(discriminator, optimizer, q, a, sample_fakes(generator, q))
    return SeqGanStep(generator, discriminator)


def main():
    p = peer_common.parser(__doc__.splitlines()[0], variants=["mle", "discriminator", "seqgan"])
    p.add_argument("--init-from", default=None,
                   help="folder of `gan export --format pytorch`: start from its generator.pth/discriminator.pth (strict)")
    args = p.parse_args()
    peer_common.setup(args)

    pairs, vocabulary_size = training_pairs(data_file(args.data_root), args.seed)
    print(f"{len(pairs)} training pairs, vocabulary of {vocabulary_size} tokens", file=sys.stderr)
    generator = Seq2SeqGenerator(**GENERATOR)
    discriminator = PairDiscriminator(**DISCRIMINATOR)
    if args.init_from:
        load_exported(generator, args.init_from, "generator")
        load_exported(discriminator, args.init_from, "discriminator")
    generator.train()  # every network in training mode, in every stage, as the engine's stage runner does
    discriminator.train()
    step_once = build_step(args.variant, generator, discriminator)
    data = batches(pairs, args.seed)
    trace = peer_common.RssTrace(args.warmup_steps, args.sample_every)

    values = {}
    start = time.perf_counter()
    for step in range(1, args.steps + 1):
        question, answer = next(data)  # (B, Lq), (B, La)
        values = step_once(question, answer)
        trace.after_step(step)
    seconds = time.perf_counter() - start

    details = dict(values)
    details["variant"] = args.variant
    peer_common.emit(args.steps, seconds, trace, details)


if __name__ == "__main__":
    main()
