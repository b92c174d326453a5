using Gan.Abstractions;
using Gan.Configuration;
using Gan.Native;
using Gan.Engine.Training;
using Gan.Host.Console;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary>Prints user-facing errors without stack traces and maps them to exit codes.</summary>
internal static class ErrorReporter
{
    public static int Report(Exception exception, bool verbose)
    {
        switch (exception)
        {
            case ConfigurationException configuration:
                foreach (var error in configuration.Errors)
                {
                    WriteError(error.ToString());
                }

                return ExitCodes.BadInput;
            case Gan.Engine.Distributed.DistributedSetupException { IsEnvironmentProblem: true } mpi:
                WriteError(mpi.Message);
                return ExitCodes.EnvironmentError;
            case GanInputException input:
                WriteError(input.Message);
                return ExitCodes.BadInput;
            case TorchUnavailableException torch:
                WriteError(torch.Message);
                return ExitCodes.EnvironmentError;
            case OperationCanceledException:
                WriteError("Cancelled.");
                return ExitCodes.Cancelled;
            default:
                WriteError($"{exception.GetType().Name}: {exception.Message}");
                if (verbose)
                {
                    DiagnosticConsole.Instance.WriteLine(exception.ToString());
                }
                else
                {
                    DiagnosticConsole.Instance.MarkupLine("[grey]Run again with --verbose for the stack trace.[/]");
                }

                return ExitCodes.TrainingFailed;
        }
    }

    public static void WriteError(string message) =>
        DiagnosticConsole.Instance.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
