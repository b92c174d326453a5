using Gan.Abstractions;
using Gan.Engine.Plugins;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gan.Engine.Tests.Losses;

public sealed class LossRegistrationTests
{
    [Fact]
    public void Core_plugin_registers_the_whole_loss_catalogue_with_descriptions()
    {
        using var catalog = new PluginCatalog(NullLogger<PluginCatalog>.Instance);

        var losses = catalog.Components
            .Where(c => c.Registration.Contract == typeof(ILossStrategy) && c.Plugin.Name == "core")
            .ToDictionary(c => c.Registration.Name, c => c.Registration.Description);

        Assert.Equal(["hinge", "lsgan", "minimax", "non-saturating", "ragan", "wgan", "wgan-gp"], losses.Keys.Order());
        Assert.All(losses.Values, description => Assert.Contains("20", description, StringComparison.Ordinal));
    }
}
