#!/usr/bin/env python3
"""PyTorch peer of the CycleGAN benchmark: the reference's model (models/networks.py, cycle_gan_model.py)
rewritten compactly, one full optimize_parameters() per iteration at 128x128, batch 1.

Run with the fair setup from DESIGN.md:
  LD_LIBRARY_PATH=/usr/lib/x86_64-linux-gnu/openblas-openmp /usr/bin/python3 cyclegan_bench.py --iters 20
Prints one JSON line: seconds per iteration (median, mean, fastest, each), resident memory at checkpoints.
With --turns DIR it takes turns with CycleGanBench iteration by iteration through run.sh's named pipes in DIR.
"""
import argparse, itertools, json, os, random, statistics, time
import torch
import torch.nn as nn


class Turns:
    """One side runs an iteration while the other waits (see CycleGanBench/Turns.cs)."""

    def __init__(self, directory):
        # run.sh keeps the pipes open for reading and writing, so these opens never block.
        self.mine = os.open(os.path.join(directory, "peer"), os.O_RDONLY)
        self.theirs = os.open(os.path.join(directory, "ours"), os.O_WRONLY)
        self.ready = os.path.join(directory, "ready")

    def say_ready(self):
        with open(self.ready, "a") as f:
            f.write("pytorch\n")

    def wait(self):
        if not os.read(self.mine, 1):
            raise EOFError("the turn pipe closed: run.sh stopped")

    def pass_turn(self):
        os.write(self.theirs, b"\x01")


class NoTurns:
    def say_ready(self): pass
    def wait(self): pass
    def pass_turn(self): pass


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


class ResnetBlock(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), nn.InstanceNorm2d(dim), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), nn.InstanceNorm2d(dim))

    def forward(self, x):
        return x + self.conv_block(x)


def resnet_generator(ngf=64, n_blocks=9):
    layers = [nn.ReflectionPad2d(3), nn.Conv2d(3, ngf, 7, bias=True), nn.InstanceNorm2d(ngf), nn.ReLU(True)]
    for i in range(2):
        m = 2 ** i
        layers += [nn.Conv2d(ngf * m, ngf * m * 2, 3, stride=2, padding=1, bias=True), nn.InstanceNorm2d(ngf * m * 2), nn.ReLU(True)]
    layers += [ResnetBlock(ngf * 4) for _ in range(n_blocks)]
    for i in range(2):
        m = 2 ** (2 - i)
        layers += [nn.ConvTranspose2d(ngf * m, ngf * m // 2, 3, stride=2, padding=1, output_padding=1, bias=True),
                   nn.InstanceNorm2d(ngf * m // 2), nn.ReLU(True)]
    layers += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, 3, 7), nn.Tanh()]
    return nn.Sequential(*layers)


def patch_discriminator(ndf=64, n_layers=3):
    layers = [nn.Conv2d(3, ndf, 4, stride=2, padding=1), nn.LeakyReLU(0.2, True)]
    mult = 1
    for n in range(1, n_layers):
        prev, mult = mult, min(2 ** n, 8)
        layers += [nn.Conv2d(ndf * prev, ndf * mult, 4, stride=2, padding=1, bias=True), nn.InstanceNorm2d(ndf * mult), nn.LeakyReLU(0.2, True)]
    prev, mult = mult, min(2 ** n_layers, 8)
    layers += [nn.Conv2d(ndf * prev, ndf * mult, 4, stride=1, padding=1, bias=True), nn.InstanceNorm2d(ndf * mult), nn.LeakyReLU(0.2, True)]
    layers += [nn.Conv2d(ndf * mult, 1, 4, stride=1, padding=1)]
    return nn.Sequential(*layers)


def init_weights(net):
    for m in net.modules():
        if isinstance(m, (nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(m.weight, 0.0, 0.02)
            if m.bias is not None:
                nn.init.constant_(m.bias, 0.0)
    return net


class ImagePool:
    def __init__(self, size):
        self.size, self.images = size, []

    def query(self, images):
        out = []
        for image in images:
            image = image.unsqueeze(0)
            if len(self.images) < self.size:
                self.images.append(image); out.append(image)
            elif random.uniform(0, 1) > 0.5:
                i = random.randint(0, self.size - 1)
                tmp = self.images[i].clone(); self.images[i] = image; out.append(tmp)
            else:
                out.append(image)
        return torch.cat(out, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--iters", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--size", type=int, default=128)
    parser.add_argument("--blocks", type=int, default=9)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--turns", help="directory of run.sh's turn pipes")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0); random.seed(0)

    g_a, g_b = init_weights(resnet_generator(n_blocks=args.blocks)), init_weights(resnet_generator(n_blocks=args.blocks))
    d_a, d_b = init_weights(patch_discriminator()), init_weights(patch_discriminator())
    opt_g = torch.optim.Adam(itertools.chain(g_a.parameters(), g_b.parameters()), lr=2e-4, betas=(0.5, 0.999))
    opt_d = torch.optim.Adam(itertools.chain(d_a.parameters(), d_b.parameters()), lr=2e-4, betas=(0.5, 0.999))
    mse, l1 = nn.MSELoss(), nn.L1Loss()
    pool_a, pool_b = ImagePool(50), ImagePool(50)

    def gan(pred, real):
        return mse(pred, torch.ones_like(pred) if real else torch.zeros_like(pred))

    def set_grad(nets, flag):
        for net in nets:
            for p in net.parameters():
                p.requires_grad = flag

    turns = Turns(args.turns) if args.turns else NoTurns()
    turns.say_ready()
    times, memory = [], {}
    for it in range(args.warmup + args.iters):
        turns.wait()
        # Fresh images every iteration, as a data loader would hand over.
        real_a = torch.rand(1, 3, args.size, args.size) * 2 - 1
        real_b = torch.rand(1, 3, args.size, args.size) * 2 - 1
        start = time.perf_counter()
        fake_b = g_a(real_a); rec_a = g_b(fake_b); fake_a = g_b(real_b); rec_b = g_a(fake_a)
        set_grad([d_a, d_b], False)
        opt_g.zero_grad()
        idt_a = l1(g_a(real_b), real_b) * 10 * 0.5
        idt_b = l1(g_b(real_a), real_a) * 10 * 0.5
        loss_g = gan(d_a(fake_b), True) + gan(d_b(fake_a), True) + l1(rec_a, real_a) * 10 + l1(rec_b, real_b) * 10 + idt_a + idt_b
        loss_g.backward()
        opt_g.step()
        set_grad([d_a, d_b], True)
        opt_d.zero_grad()
        for d, real, fake in ((d_a, real_b, pool_b.query(fake_b.detach())), (d_b, real_a, pool_a.query(fake_a.detach()))):
            loss_d = (gan(d(real), True) + gan(d(fake.detach()), False)) * 0.5
            loss_d.backward()
        opt_d.step()
        loss_g.item()
        elapsed = time.perf_counter() - start
        turns.pass_turn()
        if it >= args.warmup:
            times.append(elapsed)
        if it + 1 in {args.warmup + k * args.iters // 10 for k in range(11)}:
            memory[it + 1] = round(rss_mb(), 1)

    print(json.dumps({
        "side": "pytorch", "torch": torch.__version__, "threads": torch.get_num_threads(), "size": args.size,
        "iters": len(times), "median_s": statistics.median(times), "mean_s": statistics.mean(times), "min_s": min(times), "rss_mb": memory,
        "times_s": times,
    }))


if __name__ == "__main__":
    main()
