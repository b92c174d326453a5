using Microsoft.Extensions.Logging;

namespace Gan.Abstractions;

/// <summary>What a plugin's command may use. Provided by the host.</summary>
public sealed class ToolContext
{
    /// <summary>Creates a context.</summary>
    public ToolContext(ITrainedModels models, ILoggerFactory loggerFactory, IProgressReporter progress, TextReader input, TextWriter output)
    {
        Models = models;
        LoggerFactory = loggerFactory;
        Progress = progress;
        Input = input;
        Output = output;
    }

    /// <summary>Loads networks trained by earlier runs.</summary>
    public ITrainedModels Models { get; }

    /// <summary>Creates loggers (messages go to the console's error stream).</summary>
    public ILoggerFactory LoggerFactory { get; }

    /// <summary>Shows progress of long work.</summary>
    public IProgressReporter Progress { get; }

    /// <summary>Standard input.</summary>
    public TextReader Input { get; }

    /// <summary>Standard output, for the command's results.</summary>
    public TextWriter Output { get; }
}
