"""Per-layer timings of the CycleGAN building blocks in PyTorch (forward + backward, batch 1): the peer of LayerBench."""
import sys
import time

import torch
import torch.nn as nn

torch.set_num_threads(int(sys.argv[1]) if len(sys.argv) > 1 else 2)
# The fastest of REPEATS timings: on a shared 2-core machine the minimum is far steadier than the mean.
WARMUP, REPEATS = 3, 20
LAYERS = [
    ("G conv7 3->64 @134", 3, 134, nn.Conv2d(3, 64, 7)),
    ("G conv3s2 64->128 @128", 64, 128, nn.Conv2d(64, 128, 3, 2, 1)),
    ("G conv3s2 128->256 @64", 128, 64, nn.Conv2d(128, 256, 3, 2, 1)),
    ("G res conv3 256->256 @34", 256, 34, nn.Conv2d(256, 256, 3)),
    ("G convT 256->128 @32", 256, 32, nn.ConvTranspose2d(256, 128, 3, 2, 1, output_padding=1)),
    ("G convT 128->64 @64", 128, 64, nn.ConvTranspose2d(128, 64, 3, 2, 1, output_padding=1)),
    ("G conv7 64->3 @134", 64, 134, nn.Conv2d(64, 3, 7)),
    ("instance norm 256 @32", 256, 32, nn.InstanceNorm2d(256)),
    ("instance norm 64 @128", 64, 128, nn.InstanceNorm2d(64)),
    # What this project's CycleGAN networks compute instead: the same arithmetic through group norm.
    ("  as group norm 256 @32", 256, 32, nn.GroupNorm(256, 256, affine=False)),
    ("  as group norm 64 @128", 64, 128, nn.GroupNorm(64, 64, affine=False)),
    ("reflection pad 1, 256 @32", 256, 32, nn.ReflectionPad2d(1)),
    ("reflection pad 3, 64 @128", 64, 128, nn.ReflectionPad2d(3)),
    ("D conv4s2 3->64 @128", 3, 128, nn.Conv2d(3, 64, 4, 2, 1)),
    ("D conv4s2 64->128 @64", 64, 64, nn.Conv2d(64, 128, 4, 2, 1)),
    ("D conv4 256->512 @16", 256, 16, nn.Conv2d(256, 512, 4, 1, 1)),
]
for name, channels, size, layer in LAYERS:
    times = []
    for i in range(WARMUP + REPEATS):
        x = torch.randn(1, channels, size, size, requires_grad=True)
        start = time.perf_counter()
        layer(x).sum().backward()
        times.append(time.perf_counter() - start)
    print(f"{name:<28} {min(times[WARMUP:]) * 1000:8.1f} ms")

# One optimiser step over the two resnet_9blocks generators' parameters (22.8 M), same small gradients every step.
SHAPES = ([(64, 3, 7, 7), (64,), (128, 64, 3, 3), (128,), (256, 128, 3, 3), (256,)]
          + [(256, 256, 3, 3), (256,)] * 18
          + [(256, 128, 3, 3), (128,), (128, 64, 3, 3), (64,), (3, 64, 7, 7), (3,)]) * 2
params = [nn.Parameter(torch.randn(*shape) * 0.02) for shape in SHAPES]
for p in params:
    p.grad = torch.randn_like(p) * 1e-3
optimizer = torch.optim.Adam(params, 2e-4, betas=(0.5, 0.999))
times = []
for i in range(WARMUP + REPEATS):
    start = time.perf_counter()
    optimizer.step()
    times.append(time.perf_counter() - start)
print(f"{'Adam G pair (torch.optim)':<28} {min(times[WARMUP:]) * 1000:8.1f} ms")
print(f"{'(TorchSharp only)':<28} {'-':>8} ms")
