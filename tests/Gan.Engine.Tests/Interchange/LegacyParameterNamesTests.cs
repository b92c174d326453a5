using Gan.Abstractions;
using Gan.Engine.Interchange;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Gan.Engine.Tests.Interchange;

public sealed class LegacyParameterNamesTests
{
    [Fact]
    public void TorchSharp_and_PyTorch_files_written_under_former_names_load_into_the_renamed_network()
    {
        using var temp = new TemporaryDirectory();
        using var scope = NewDisposeScope();
        using var former = new Named("head");
        using var renamed = new Renamed();
        var torchSharpFile = temp.Combine("former.tsmodel");
        var pyTorchFile = temp.Combine("former.pth");
        former.save(torchSharpFile);
        NetworkWeights.Save(former, pyTorchFile, WeightFormat.PyTorch);

        NetworkWeights.LoadInto(renamed, torchSharpFile, "init_from");
        Assert.Equal(former.Weight.data<float>().ToArray(), renamed.Weight.data<float>().ToArray());
        using (no_grad())
        {
            renamed.Weight.zero_();
        }

        NetworkWeights.LoadInto(renamed, pyTorchFile, "init_from");
        Assert.Equal(former.Weight.data<float>().ToArray(), renamed.Weight.data<float>().ToArray());
    }

    [Fact]
    public void Checkpoint_shapes_are_keyed_by_current_names_and_plain_networks_are_untouched()
    {
        using var renamed = new Renamed();
        using var plain = new Named("head");
        var saved = new Dictionary<string, long[]> { ["head.weight"] = [1, 3], ["head.bias"] = [1] };

        Assert.Equal(["linear.bias", "linear.weight"], LegacyParameterNames.Rename(renamed, saved).Keys.Order(StringComparer.Ordinal));
        Assert.Same(saved, LegacyParameterNames.Rename(plain, saved));
    }

    [Fact]
    public void A_file_holding_both_a_key_and_its_former_name_is_refused()
    {
        using var renamed = new Renamed();
        var saved = new Dictionary<string, long[]> { ["head.weight"] = [1, 3], ["linear.weight"] = [1, 3] };

        Assert.Throws<GanInputException>(() => LegacyParameterNames.Rename(renamed, saved));
    }

    /// <summary>A one-layer network whose linear layer is registered under <c>name</c>.</summary>
    private class Named : nn.Module<Tensor, Tensor>
    {
        private readonly Linear _layer;

        public Named(string name) : base(nameof(Named))
        {
            _layer = nn.Linear(3, 1);
            register_module(name, _layer);
        }

        public Tensor Weight => _layer.weight!;

        public override Tensor forward(Tensor input) => _layer.call(input);
    }

    /// <summary>The same network after its layer was renamed from <c>head</c> to <c>linear</c>.</summary>
    private sealed class Renamed() : Named("linear"), ILegacyParameterNames
    {
        public string CurrentName(string savedName) =>
            savedName.StartsWith("head.", StringComparison.Ordinal) ? "linear." + savedName["head.".Length..] : savedName;
    }
}
