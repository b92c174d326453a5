using System.CommandLine;
using Gan.Configuration;
using Gan.Engine.Components;
using Gan.Engine.Plugins;
using Gan.Engine.Training;
using Gan.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;

namespace Gan.Host.Commands;

/// <summary><c>gan plugins</c>: the loaded plugins, their components, and each component's options with defaults.</summary>
internal static class PluginsCommand
{
    public static Command Create(IHost host, GlobalOptions globals)
    {
        var component = new Option<string?>("--component")
        {
            Description = "Show only components whose name contains this text.",
        };
        var command = new Command("plugins", "List loaded plugins, their components and every option with its type, default and description.")
        {
            CommonOptions.Plugins, component,
        };
        command.SetAction(result =>
        {
                        var catalog = host.Services.GetRequiredService<PluginCatalog>();
            Print(catalog, result.GetValue(component));
            return catalog.Failures.Count == 0 ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }

    private static void Print(PluginCatalog catalog, string? filter)
    {
        var plugins = new Table().AddColumns("plugin", "version", "contracts", "folder");
        foreach (var plugin in catalog.Plugins)
        {
            plugins.AddRow(Markup.Escape(plugin.Name), Markup.Escape(plugin.Version), plugin.ContractsVersion.ToString(3),
                Markup.Escape(plugin.Folder.Length == 0 ? "(built in)" : plugin.Folder));
        }

        AnsiConsole.Write(plugins);
        foreach (var failure in catalog.Failures)
        {
            ErrorReporter.WriteError(failure.ToString());
        }

        foreach (var kind in ComponentKinds.All)
        {
            foreach (var (registration, plugin) in catalog.Components
                         .Where(c => c.Registration.Contract == kind)
                         .Where(c => filter is null || c.Registration.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
                         .OrderBy(c => c.Registration.Name, StringComparer.Ordinal))
            {
                AnsiConsole.WriteLine();
                AnsiConsole.MarkupLine(
                    $"[bold]{ComponentKinds.Describe(kind)} {Markup.Escape(registration.Name)}[/] [grey]({Markup.Escape(plugin.Name)})[/] {Markup.Escape(registration.Description)}");
                var options = OptionsSchema.Describe(registration.OptionsType);
                if (options.Count == 0)
                {
                    AnsiConsole.MarkupLine("  [grey]no options[/]");
                    continue;
                }

                var table = new Table().NoBorder().AddColumns("  option", "type", "default", "description");
                foreach (var option in options)
                {
                    table.AddRow("  " + Markup.Escape(option.Key), Markup.Escape(option.TypeName),
                        Markup.Escape(option.DefaultValue ?? "null"), Markup.Escape(option.Description ?? ""));
                }

                AnsiConsole.Write(table);
            }
        }
    }
}
