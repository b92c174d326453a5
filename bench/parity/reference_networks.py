"""PyTorch definitions of the reference networks that Gan.Pipeline's C# networks follow.

Each class takes the options of the C# component it mirrors (snake_case, as in the experiment YAML) and has the
same state_dict keys and shapes as the C# module's state_dict(). Written from the reference code named in each
docstring, for PyTorch 1.13 (Debian's python3-torch); float32 on the CPU.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


# --- CycleGAN (junyanz/pytorch-CycleGAN-and-pix2pix, models/networks.py) -------------------------------------------

def _instance_norm(channels):
    # The reference's get_norm_layer('instance'): no affine parameters, no running statistics.
    return nn.InstanceNorm2d(channels, affine=False, track_running_stats=False)


class ResnetBlock(nn.Module):
    """The reference's ResnetBlock with padding_type='reflect': x + conv_block(x)."""

    def __init__(self, dim, use_dropout):
        super().__init__()
        layers = [nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), _instance_norm(dim), nn.ReLU(True)]
        if use_dropout:
            layers += [nn.Dropout(0.5)]
        layers += [nn.ReflectionPad2d(1), nn.Conv2d(dim, dim, 3, bias=True), _instance_norm(dim)]
        self.conv_block = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.conv_block(x)


class ResnetGenerator(nn.Module):
    """The reference's ResnetGenerator (netG resnet_9blocks / resnet_6blocks, norm instance, use_bias True)."""

    def __init__(self, input_nc=3, output_nc=3, ngf=64, use_dropout=False, n_blocks=9, **_):
        super().__init__()
        model = [nn.ReflectionPad2d(3), nn.Conv2d(input_nc, ngf, 7, bias=True), _instance_norm(ngf), nn.ReLU(True)]
        n_downsampling = 2
        for i in range(n_downsampling):
            mult = 2 ** i
            model += [nn.Conv2d(ngf * mult, ngf * mult * 2, 3, stride=2, padding=1, bias=True),
                      _instance_norm(ngf * mult * 2), nn.ReLU(True)]
        mult = 2 ** n_downsampling
        for _ in range(n_blocks):
            model += [ResnetBlock(ngf * mult, use_dropout)]
        for i in range(n_downsampling):
            mult = 2 ** (n_downsampling - i)
            model += [nn.ConvTranspose2d(ngf * mult, ngf * mult // 2, 3, stride=2, padding=1, output_padding=1,
                                         bias=True),
                      _instance_norm(ngf * mult // 2), nn.ReLU(True)]
        model += [nn.ReflectionPad2d(3), nn.Conv2d(ngf, output_nc, 7), nn.Tanh()]
        self.model = nn.Sequential(*model)

    def forward(self, x):
        return self.model(x)


class NLayerDiscriminator(nn.Module):
    """The reference's NLayerDiscriminator (netD basic = PatchGAN, n_layers 3, norm instance)."""

    def __init__(self, input_nc=3, ndf=64, n_layers=3, **_):
        super().__init__()
        kw, padw = 4, 1
        sequence = [nn.Conv2d(input_nc, ndf, kw, stride=2, padding=padw), nn.LeakyReLU(0.2, True)]
        nf_mult = 1
        for n in range(1, n_layers):
            nf_mult_prev, nf_mult = nf_mult, min(2 ** n, 8)
            sequence += [nn.Conv2d(ndf * nf_mult_prev, ndf * nf_mult, kw, stride=2, padding=padw, bias=True),
                         _instance_norm(ndf * nf_mult), nn.LeakyReLU(0.2, True)]
        nf_mult_prev, nf_mult = nf_mult, min(2 ** n_layers, 8)
        sequence += [nn.Conv2d(ndf * nf_mult_prev, ndf * nf_mult, kw, stride=1, padding=padw, bias=True),
                     _instance_norm(ndf * nf_mult), nn.LeakyReLU(0.2, True)]
        sequence += [nn.Conv2d(ndf * nf_mult, 1, kw, stride=1, padding=padw)]
        self.model = nn.Sequential(*sequence)

    def forward(self, x):
        return self.model(x)


# --- MNIST: the classic MLP GAN tutorial and the PyTorch DCGAN example, sized for 28x28 ------------------------

class MlpGenerator(nn.Module):
    """The tutorial's generator: Linear/LeakyReLU blocks, Linear to the image, Tanh, viewed as images."""

    def __init__(self, latent_dim=100, hidden_sizes=(256, 512, 1024), leaky_slope=0.2, channels=1, image_size=28, **_):
        super().__init__()
        self.img_shape = (channels, image_size, image_size)
        layers, width = [], latent_dim
        for hidden in hidden_sizes:
            layers += [nn.Linear(width, hidden), nn.LeakyReLU(leaky_slope, inplace=True)]
            width = hidden
        layers += [nn.Linear(width, channels * image_size * image_size), nn.Tanh()]
        self.model = nn.Sequential(*layers)

    def forward(self, z):
        img = self.model(z)
        return img.view(img.size(0), *self.img_shape)


class MlpDiscriminator(nn.Module):
    """The tutorial's discriminator: flatten, Linear/LeakyReLU blocks, Linear to one value, Sigmoid."""

    def __init__(self, hidden_sizes=(512, 256), leaky_slope=0.2, channels=1, image_size=28, **_):
        super().__init__()
        layers, width = [], channels * image_size * image_size
        for hidden in hidden_sizes:
            layers += [nn.Linear(width, hidden), nn.LeakyReLU(leaky_slope, inplace=True)]
            width = hidden
        layers += [nn.Linear(width, 1), nn.Sigmoid()]
        self.model = nn.Sequential(*layers)

    def forward(self, img):
        return self.model(img.view(img.size(0), -1))

    def logit(self, img):
        """The value before the tutorial's Sigmoid: what the C# network returns (its loss applies the sigmoid)."""
        return self.model[:-1](img.view(img.size(0), -1))


class DcganGenerator(nn.Module):
    """The DCGAN example's generator (self.main) with two up-samplings: 1x1 -> 7x7 -> 14x14 -> 28x28."""

    def __init__(self, latent_dim=100, ngf=64, channels=1, **_):
        super().__init__()
        self.latent_dim = latent_dim
        self.main = nn.Sequential(
            nn.ConvTranspose2d(latent_dim, ngf * 2, 7, 1, 0, bias=False), nn.BatchNorm2d(ngf * 2), nn.ReLU(True),
            nn.ConvTranspose2d(ngf * 2, ngf, 4, 2, 1, bias=False), nn.BatchNorm2d(ngf), nn.ReLU(True),
            nn.ConvTranspose2d(ngf, channels, 4, 2, 1, bias=False), nn.Tanh())

    def forward(self, z):
        return self.main(z.view(-1, self.latent_dim, 1, 1))


class DcganDiscriminator(nn.Module):
    """The DCGAN example's discriminator (self.main) with two down-samplings: 28 -> 14 -> 7 -> 1, then Sigmoid."""

    def __init__(self, ndf=64, leaky_slope=0.2, batch_norm=True, channels=1, **_):
        super().__init__()
        layers = [nn.Conv2d(channels, ndf, 4, 2, 1, bias=False), nn.LeakyReLU(leaky_slope, inplace=True),
                  nn.Conv2d(ndf, ndf * 2, 4, 2, 1, bias=False)]
        if batch_norm:
            layers += [nn.BatchNorm2d(ndf * 2)]
        layers += [nn.LeakyReLU(leaky_slope, inplace=True), nn.Conv2d(ndf * 2, 1, 7, 1, 0, bias=False), nn.Sigmoid()]
        self.main = nn.Sequential(*layers)

    def forward(self, img):
        return self.main(img).view(-1, 1).squeeze(1)

    def logit(self, img):
        """The value before the example's Sigmoid: what the C# network returns."""
        return self.main[:-1](img).view(-1, 1).squeeze(1)


# --- LSTM sine predictor (pytorch/examples, time_sequence_prediction/train.py) --------------------------------

class LstmPredictor(nn.Module):
    """The example's Sequence: stacked LSTMCells lstm1, lstm2, … and a Linear head, stepped through the input.

    The example has two cells of 51 units in float64; here num_layers cells of hidden_size units (the C#
    options), float32. Dropout between cells only while training, as nn.LSTM's dropout.
    """

    def __init__(self, window=10, hidden_size=50, num_layers=2, dropout=0.0, **_):
        super().__init__()
        self.hidden_size, self.num_layers, self.dropout = hidden_size, num_layers, dropout
        for layer in range(num_layers):
            setattr(self, f"lstm{layer + 1}", nn.LSTMCell(1 if layer == 0 else hidden_size, hidden_size))
        self.linear = nn.Linear(hidden_size, 1)

    def forward(self, input, future=0):
        """(B, T, 1) -> the prediction after every step, (B, T + future), as the example's forward."""
        batch = input.size(0)
        states = [(input.new_zeros(batch, self.hidden_size), input.new_zeros(batch, self.hidden_size))
                  for _ in range(self.num_layers)]
        outputs = []

        def step(x):
            for layer in range(self.num_layers):
                if layer > 0:
                    x = F.dropout(x, self.dropout, self.training)
                states[layer] = getattr(self, f"lstm{layer + 1}")(x, states[layer])
                x = states[layer][0]
            return self.linear(x)

        for input_t in input.split(1, dim=1):
            output = step(input_t.reshape(batch, 1))
            outputs.append(output)
        for _ in range(future):
            output = step(output)
            outputs.append(output)
        return torch.cat(outputs, dim=1)


# --- MuseGAN (Dong et al., AAAI 2018): the hybrid generator and a 3-D convolutional critic ----------------------
# MuseGAN's own code is TensorFlow; these follow the paper's layer plan exactly as the C# networks build it, so the
# check here is TorchSharp against PyTorch on the same definition.

class TemporalGenerator(nn.Module):
    def __init__(self, z_dim, hidden, bars):
        super().__init__()
        self.net = nn.Sequential(
            nn.ConvTranspose1d(z_dim, hidden, bars), nn.BatchNorm1d(hidden), nn.ReLU(),
            nn.ConvTranspose1d(hidden, z_dim, 1), nn.BatchNorm1d(z_dim), nn.ReLU())

    def forward(self, z):
        return self.net(z.unsqueeze(-1)).permute(0, 2, 1)  # (B, bars, z)


class BarGenerator(nn.Module):
    def __init__(self, z_dim, ngf, time_upsamplings, steps_per_bar, pitch_kernels, output_activation):
        super().__init__()
        self.channels = ngf << time_upsamplings
        self.start_steps = steps_per_bar >> time_upsamplings
        self.dense = nn.Sequential(nn.Linear(4 * z_dim, self.channels * self.start_steps),
                                   nn.BatchNorm1d(self.channels * self.start_steps), nn.ReLU())
        layers, channels = [], self.channels
        for _ in range(time_upsamplings):
            layers += [nn.ConvTranspose2d(channels, channels // 2, (4, 1), stride=(2, 1), padding=(1, 0)),
                       nn.BatchNorm2d(channels // 2), nn.ReLU()]
            channels //= 2
        for i, kernel in enumerate(pitch_kernels):
            last = i == len(pitch_kernels) - 1
            following = 1 if last else max(1, channels // 2)
            layers += [nn.ConvTranspose2d(channels, following, (1, kernel), stride=(1, kernel))]
            if not last:
                layers += [nn.BatchNorm2d(following), nn.ReLU()]
            channels = following
        layers += [nn.Sigmoid() if output_activation == "sigmoid" else nn.Tanh()]
        self.convs = nn.Sequential(*layers)

    def forward(self, x):
        return self.convs(self.dense(x).view(-1, self.channels, self.start_steps, 1))


class MuseGanGenerator(nn.Module):
    def __init__(self, z_dim=32, tracks=5, bars=4, steps_per_bar=48, pitches=84, time_upsamplings=4,
                 pitch_kernels=(7, 12), ngf=32, temporal_hidden=256, output_activation="tanh", **_):
        super().__init__()
        self.z_dim, self.tracks, self.bars = z_dim, tracks, bars
        self.steps_per_bar, self.pitches = steps_per_bar, pitches
        self.shared_temporal = TemporalGenerator(z_dim, temporal_hidden, bars)
        self.private_temporal = nn.ModuleList(TemporalGenerator(z_dim, temporal_hidden, bars) for _ in range(tracks))
        self.bar_generators = nn.ModuleList(
            BarGenerator(z_dim, ngf, time_upsamplings, steps_per_bar, pitch_kernels, output_activation)
            for _ in range(tracks))

    def forward(self, latent):
        batch, tracks, bars, z = latent.size(0), self.tracks, self.bars, self.z_dim
        parts = latent.view(batch, 2 + 2 * tracks, z)  # shared, shared temporal, private x tracks, private temporal x tracks
        shared = parts[:, 0].unsqueeze(1).expand(batch, bars, z)
        shared_temporal = self.shared_temporal(parts[:, 1])
        outputs = []
        for i in range(tracks):
            own = parts[:, 2 + i].unsqueeze(1).expand(batch, bars, z)
            own_temporal = self.private_temporal[i](parts[:, 2 + tracks + i])
            bar_input = torch.cat([shared, shared_temporal, own, own_temporal], 2).reshape(batch * bars, 4 * z)
            bar = self.bar_generators[i](bar_input)
            outputs.append(bar.view(batch, bars, self.steps_per_bar, self.pitches))
        return torch.stack(outputs, 1)  # (B, tracks, bars, steps, pitches)


class MuseGanDiscriminator(nn.Module):
    def __init__(self, tracks=5, bars=4, steps_per_bar=48, pitches=84, pitch_kernels=(7, 12), time_downsamplings=4,
                 ndf=32, leaky_slope=0.2, **_):
        super().__init__()
        layers, channels, width, cap = [], tracks, ndf, ndf * 8
        for kernel in reversed(list(pitch_kernels)):
            layers += [nn.Conv3d(channels, width, (1, 1, kernel), stride=(1, 1, kernel)), nn.LeakyReLU(leaky_slope)]
            channels, width = width, min(width * 2, cap)
        for _ in range(time_downsamplings):
            layers += [nn.Conv3d(channels, width, (1, 4, 1), stride=(1, 2, 1), padding=(0, 1, 0)),
                       nn.LeakyReLU(leaky_slope)]
            channels, width = width, min(width * 2, cap)
        layers += [nn.Conv3d(channels, channels, (1, steps_per_bar >> time_downsamplings, 1)), nn.LeakyReLU(leaky_slope)]
        layers += [nn.Conv3d(channels, channels, (bars, 1, 1)), nn.LeakyReLU(leaky_slope)]
        self.convs = nn.Sequential(*layers)
        self.dense = nn.Linear(channels, 1)

    def forward(self, x):
        return self.dense(self.convs(x).flatten(1))  # (B, 1)
