using System.CommandLine;
using Gan.Configuration;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Gan.Tracking.Sqlite;
using Spectre.Console;
using YamlDotNet.RepresentationModel;

namespace Gan.Host.Commands;

/// <summary>
/// <c>gan ui [EXPERIMENT.yaml]</c>: opens MLflow's own UI on the store a run of the experiment records to (the same
/// resolution as training: <c>tracking.uri</c>, <c>MLFLOW_TRACKING_URI</c>, the default SQLite store).
/// </summary>
internal static class UiCommand
{
    /// <summary>The one command that installs MLflow, printed when it is missing.</summary>
    internal const string InstallCommand = "pip install mlflow";

    public static Command Create(GlobalOptions globals)
    {
        var experiment = new Argument<string?>("experiment")
        {
            Description = "Experiment file whose tracking.uri to open. Default: $MLFLOW_TRACKING_URI, else the default store in this folder.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var trackingUri = new Option<string?>("--tracking-uri") { Description = "The store to open (overrides the experiment's)." };
        var host = new Option<string>("--host")
        {
            Description = "Address MLflow's UI listens on. Default 127.0.0.1 (this machine only); 0.0.0.0 opens it to the network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var port = new Option<int>("--port") { Description = "Port. Default 5000.", DefaultValueFactory = _ => 5000 };
        var mlflow = new Option<string?>("--mlflow") { Description = "The mlflow executable. Default: the first 'mlflow' on PATH." };
        var command = new Command("ui", "Open MLflow's UI on the runs' store (runs 'mlflow ui' with the right store and artifact root).")
        {
            experiment, trackingUri, host, port, mlflow,
        };
        command.SetAction(async (result, ct) =>
        {
            try
            {
                var configured = result.GetValue(trackingUri) ?? ConfiguredUri(result.GetValue(experiment));
                return await OpenAsync(configured, result.GetRequiredValue(host), result.GetValue(port), result.GetValue(mlflow), ct);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return ErrorReporter.Report(ex, globals.LogLevel <= Microsoft.Extensions.Logging.LogLevel.Debug);
            }
        });
        return command;
    }

    private static async Task<int> OpenAsync(string? configured, string host, int port, string? mlflowOption, CancellationToken ct)
    {
        var uri = TrackingStoreFactory.EffectiveUri(configured);
        if (uri.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        {
            AnsiConsole.WriteLine($"The runs are on the MLflow server at {uri}: open that address in a browser.");
            return ExitCodes.Success;
        }

        var sqlite = SqliteStoreLocation.IsSqliteUri(uri);
        var backend = sqlite ? SqliteStoreLocation.UriFor(SqliteStoreLocation.DatabasePath(uri)) : FileStoreFolder(uri);
        var artifactRoot = sqlite ? TrackingStoreFactory.DefaultArtifactRoot : null;
        var arguments = MlflowUiLauncher.UiArguments(backend, artifactRoot, host, port);
        var executable = MlflowUiLauncher.Find(mlflowOption, Environment.GetEnvironmentVariable("PATH"));
        if (executable is null)
        {
            ErrorReporter.WriteError(
                (mlflowOption is { Length: > 0 } ? $"{mlflowOption} does not exist." : "MLflow is not installed (no 'mlflow' on PATH).")
                + $" Install it with:\n\n    {InstallCommand}\n\nthen run 'gan ui' again, or start it yourself: mlflow {string.Join(' ', arguments.Select(Quote))}");
            return ExitCodes.EnvironmentError;
        }

        AnsiConsole.WriteLine($"MLflow UI on {backend} at http://{(host == "0.0.0.0" ? "localhost" : host)}:{port} (Ctrl+C stops it).");
        // MLflow 3.13 and later open a file store only when told to (the store stays supported as an option).
        var environment = sqlite
            ? new Dictionary<string, string>()
            : new Dictionary<string, string> { ["MLFLOW_ALLOW_FILE_STORE"] = "true" };
        var launcher = new MlflowUiLauncher(executable, System.Console.Out);
        var exitCode = await launcher.RunAsync(arguments, sqlite ? backend : null, environment, ct);
        return exitCode == 0 ? ExitCodes.Success : ExitCodes.EnvironmentError;
    }

    private static string? ConfiguredUri(string? experimentFile)
    {
        if (experimentFile is null)
        {
            return null;
        }

        var document = ConfigDocument.Load(experimentFile);
        return document.Root.Children.TryGetValue(new YamlScalarNode("tracking"), out var tracking)
            && tracking is YamlMappingNode section
            && section.Children.TryGetValue(new YamlScalarNode("uri"), out var uri)
            && uri is YamlScalarNode { Value: { Length: > 0 } value }
                ? value
                : null;
    }

    private static string FileStoreFolder(string uri) =>
        uri.StartsWith("file:", StringComparison.OrdinalIgnoreCase) ? uri : Path.GetFullPath(uri);

    private static string Quote(string argument) => argument.Contains(' ', StringComparison.Ordinal) ? $"'{argument}'" : argument;
}
