"""Writes parity fixtures: for each reference network, its weights, a random input batch and PyTorch's output.

    /usr/bin/python3 bench/parity/make_fixtures.py --size tiny --out tests/fixtures/parity
    /usr/bin/python3 bench/parity/make_fixtures.py --size full --out /tmp/parity-full

DIR/<network>/weights.pth   torch.save(module.state_dict())
DIR/<network>/io.pth        torch.save({"input": x, "output": module(x), ...}) in eval mode
DIR/<network>/options.json  the C# component, its options (snake_case as in the experiment YAML), the input shape
"""
import argparse
import json
import os

import torch

import reference_networks as ref

# name: (component, reference class, {size: (options, input shape)}, extra top-level fields per size)
# Tiny sizes keep each committed fixture to a few kilobytes; full sizes are the experiments' (experiments/*.yaml).
NETWORKS = {
    "cyclegan_resnet_generator": ("resnet_9blocks", ref.ResnetGenerator, {
        "tiny": ({"input_nc": 3, "output_nc": 3, "ngf": 1, "use_dropout": False, "n_blocks": 6}, [1, 3, 16, 16]),
        "full": ({"input_nc": 3, "output_nc": 3, "ngf": 64, "use_dropout": False, "n_blocks": 9}, [1, 3, 256, 256]),
    }),
    "cyclegan_patchgan": ("patchgan", ref.NLayerDiscriminator, {
        "tiny": ({"input_nc": 3, "ndf": 2, "n_layers": 3}, [1, 3, 24, 24]),
        "full": ({"input_nc": 3, "ndf": 64, "n_layers": 3}, [1, 3, 256, 256]),
    }),
    "mnist_mlp_generator": ("mnist-mlp", ref.MlpGenerator, {
        "tiny": ({"latent_dim": 4, "hidden_sizes": [8, 16], "leaky_slope": 0.2, "channels": 1, "image_size": 4}, [3, 4]),
        "full": ({"latent_dim": 100, "hidden_sizes": [256, 512, 1024], "leaky_slope": 0.2, "channels": 1,
                  "image_size": 28}, [64, 100]),
    }),
    "mnist_mlp_discriminator": ("mnist-mlp", ref.MlpDiscriminator, {
        "tiny": ({"hidden_sizes": [8, 4], "leaky_slope": 0.2, "channels": 1, "image_size": 4}, [3, 1, 4, 4]),
        "full": ({"hidden_sizes": [512, 256], "leaky_slope": 0.2, "channels": 1, "image_size": 28}, [64, 1, 28, 28]),
    }),
    "mnist_dcgan_generator": ("mnist-dcgan", ref.DcganGenerator, {
        "tiny": ({"latent_dim": 4, "ngf": 2, "channels": 1}, [2, 4]),
        "full": ({"latent_dim": 100, "ngf": 64, "channels": 1}, [64, 100]),
    }),
    "mnist_dcgan_discriminator": ("mnist-dcgan", ref.DcganDiscriminator, {
        "tiny": ({"ndf": 2, "leaky_slope": 0.2, "batch_norm": True, "channels": 1}, [2, 1, 28, 28]),
        "full": ({"ndf": 64, "leaky_slope": 0.2, "batch_norm": True, "channels": 1}, [64, 1, 28, 28]),
    }),
    "lstm_predictor": ("lstm-predictor", ref.LstmPredictor, {
        "tiny": ({"window": 5, "hidden_size": 3, "num_layers": 2, "dropout": 0.0}, [4, 5, 1]),
        "full": ({"window": 10, "hidden_size": 50, "num_layers": 2, "dropout": 0.0}, [512, 10, 1]),
    }),
    "musegan_generator": ("musegan", ref.MuseGanGenerator, {
        "tiny": ({"z_dim": 2, "tracks": 2, "bars": 2, "steps_per_bar": 4, "pitches": 6, "time_upsamplings": 1,
                  "pitch_kernels": [2, 3], "ngf": 2, "temporal_hidden": 4, "output_activation": "tanh"}, [3, 12]),
        "full": ({"z_dim": 32, "tracks": 5, "bars": 4, "steps_per_bar": 48, "pitches": 84, "time_upsamplings": 4,
                  "pitch_kernels": [7, 12], "ngf": 32, "temporal_hidden": 256, "output_activation": "tanh"}, [16, 384]),
    }),
    "musegan_discriminator": ("musegan", ref.MuseGanDiscriminator, {
        "tiny": ({"tracks": 2, "bars": 2, "steps_per_bar": 4, "pitches": 6, "pitch_kernels": [2, 3],
                  "time_downsamplings": 1, "ndf": 2, "leaky_slope": 0.2}, [3, 2, 2, 4, 6]),
        "full": ({"tracks": 5, "bars": 4, "steps_per_bar": 48, "pitches": 84, "pitch_kernels": [7, 12],
                  "time_downsamplings": 4, "ndf": 32, "leaky_slope": 0.2}, [16, 5, 4, 48, 84]),
    }),
}


def randomise_norm_statistics(module):
    """Batch norms get random scales, shifts and running statistics, so eval mode's use of them is checked too."""
    for m in module.modules():
        if isinstance(m, torch.nn.modules.batchnorm._BatchNorm):
            with torch.no_grad():
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0.0, 0.1)
                m.running_mean.normal_(0.0, 0.1)
                m.running_var.uniform_(0.5, 1.5)
                m.num_batches_tracked.fill_(7)


def component_name(name, component, options):
    # The generator's block count picks the component: resnet_9blocks (full) or resnet_6blocks (tiny).
    return f"resnet_{options['n_blocks']}blocks" if name == "cyclegan_resnet_generator" else component


def write(name, size, out, seed):
    component, cls, sizes = NETWORKS[name]
    options, input_shape = sizes[size]
    torch.manual_seed(seed)
    module = cls(**options)
    randomise_norm_statistics(module)
    module.eval()
    x = torch.randn(*input_shape)
    if name == "musegan_discriminator":
        x = torch.tanh(x)  # piano rolls in [-1, 1], as the tanh generator makes them
    io = {"input": x}
    with torch.no_grad():
        if hasattr(module, "logit"):
            # The reference ends with a Sigmoid; the C# network returns the logit and its BCE loss applies the
            # sigmoid (binary_cross_entropy_with_logits). "output" is the C# network's quantity, "probability" the
            # reference's own output.
            io["output"] = module.logit(x)
            io["probability"] = module(x)
        elif name == "lstm_predictor":
            # The example predicts after every step; the C# predictor returns the prediction after the last one.
            io["per_step"] = module(x)
            io["output"] = io["per_step"][:, -1:]
        else:
            io["output"] = module(x)
    folder = os.path.join(out, name)
    os.makedirs(folder, exist_ok=True)
    torch.save(module.state_dict(), os.path.join(folder, "weights.pth"))
    torch.save({k: v.contiguous() for k, v in io.items()}, os.path.join(folder, "io.pth"))
    parameters = sum(p.numel() for p in module.parameters())
    description = {
        "network": name,
        "component": component_name(name, component, options),
        # The component's contract, which with the name identifies it ("mnist-mlp" is both a generator and a discriminator).
        "role": "discriminator" if name.endswith(("discriminator", "patchgan")) else "generator",
        # n_blocks is the reference's constructor argument; here the component's name carries it.
        **({"n_blocks": options["n_blocks"]} if "n_blocks" in options else {}),
        "options": {k: v for k, v in options.items() if k != "n_blocks"},
        "input_shape": input_shape,
        "parameters": parameters,
        "seed": seed,
        "torch": torch.__version__,
    }
    with open(os.path.join(folder, "options.json"), "w") as f:
        json.dump(description, f, indent=2)
        f.write("\n")
    print(f"{name:28} {parameters:>11,} parameters  input {input_shape}  -> {folder}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", choices=["tiny", "full"], required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--only", nargs="*", help="network names (default: all)")
    args = parser.parse_args()
    torch.set_num_threads(2)
    for name in args.only or NETWORKS:
        write(name, args.size, args.out, args.seed)


if __name__ == "__main__":
    main()
