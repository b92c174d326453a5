using Gan.Abstractions;
using Gan.Engine.Experiments;
using Gan.Engine.Inference;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Gan.Host.Commands;

/// <summary>Trained networks as the commands load them: run ids under ./checkpoints, URIs from the default tracking store.</summary>
internal static class HostModels
{
    public static TrainedModels Create(IHost host, IProgressReporter progress) =>
        new(host.Services.GetRequiredService<ExperimentLoader>(), host.Services.GetRequiredService<ILoggerFactory>(), progress, host.Services);
}
