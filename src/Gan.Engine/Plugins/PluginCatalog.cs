using System.Reflection;
using Gan.Abstractions;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TorchSharp;

namespace Gan.Engine.Plugins;

/// <summary>
/// Loads plugins, each from its own folder into its own load context, and collects the components they
/// register. Gan.Abstractions, TorchSharp and the Microsoft.Extensions abstractions are shared with the
/// host (one copy loaded, so a plugin's Tensor is the host's Tensor); every other dependency stays
/// private to its plugin. A plugin that fails is reported and skipped; the others keep working.
/// </summary>
public sealed class PluginCatalog : IDisposable
{
    /// <summary>The types whose assemblies are shared across the plugin boundary.</summary>
    private static readonly Type[] SharedTypes =
    [
        // Gan.Tracking is not shared: plugins add tracking backends through Gan.Abstractions' ITrackingBackend (1.1),
        // which the engine adapts (Gan.Tracking.BackendTrackingProvider); sharing Gan.Tracking would force its
        // dependencies (YamlDotNet, Microsoft.Data.Sqlite) on every plugin.
        typeof(IGanPlugin),
        // The plugin toolkit ships with the host and is versioned with the contracts (docs/plugin-authoring.md).
        typeof(Gan.Toolkit.SeededRandom),
        typeof(IServiceCollection),
        typeof(ILogger),
        typeof(torch),
    ];

    private readonly ILogger _logger;
    private readonly List<PluginLoader> _loaders = [];
    private readonly List<PluginInfo> _plugins = [];
    private readonly List<PluginLoadFailure> _failures = [];
    private readonly List<(ComponentRegistration Registration, PluginInfo Plugin)> _components = [];
    private readonly HashSet<string> _loadedFolders = new(StringComparer.Ordinal);

    /// <summary>Creates an empty catalog holding the engine's built-in components.</summary>
    public PluginCatalog(ILogger<PluginCatalog> logger)
    {
        _logger = logger;
        var builtIn = new PluginInfo("core", typeof(PluginCatalog).Assembly.GetName().Version?.ToString(3) ?? "1.0.0", "", ContractsVersion.Current);
        _plugins.Add(builtIn);
        Register(new BuiltIns.CorePlugin(), builtIn);
    }

    /// <summary>The plugins loaded so far, the built-in "core" first.</summary>
    public IReadOnlyList<PluginInfo> Plugins => _plugins;

    /// <summary>The plugins that failed to load.</summary>
    public IReadOnlyList<PluginLoadFailure> Failures => _failures;

    /// <summary>Every registered component with the plugin that registered it.</summary>
    public IReadOnlyList<(ComponentRegistration Registration, PluginInfo Plugin)> Components => _components;

    /// <summary>
    /// Loads every plugin under <paramref name="directory"/>: either the directory is itself a plugin folder
    /// (it holds <c>&lt;folder name&gt;.dll</c>) or each of its subfolders is. A missing directory is ignored
    /// when <paramref name="mustExist"/> is false, else reported as a failure.
    /// </summary>
    public void LoadFrom(string directory, bool mustExist)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            if (mustExist)
            {
                _failures.Add(new PluginLoadFailure(Path.GetFileName(full), full, "the plugin folder does not exist"));
                _logger.LogError("Plugin folder {Folder} does not exist.", full);
            }

            return;
        }

        if (File.Exists(MainAssemblyOf(full)))
        {
            LoadPlugin(full);
            return;
        }

        foreach (var sub in Directory.GetDirectories(full).Order(StringComparer.Ordinal))
        {
            LoadPlugin(sub);
        }
    }

    /// <summary>Loads the plugin in <paramref name="folder"/>, whose main assembly is named after the folder.</summary>
    public void LoadPlugin(string folder)
    {
        folder = Path.GetFullPath(folder);
        var name = Path.GetFileName(folder);
        if (!_loadedFolders.Add(folder))
        {
            return;
        }

        var assemblyPath = MainAssemblyOf(folder);
        if (!File.Exists(assemblyPath))
        {
            Fail(name, folder, $"the folder has no {name}.dll (a plugin folder is named after its main assembly)");
            return;
        }

        if (_plugins.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
        {
            _logger.LogWarning("Plugin {Plugin} in {Folder} skipped: a plugin with that name is already loaded from {Other}.",
                name, folder, _plugins.First(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)).Folder);
            return;
        }

        if (CheckContracts(name, folder, assemblyPath) is not { } builtAgainst)
        {
            return;
        }

        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes, config => config.PreferSharedTypes = false);
            _loaders.Add(loader);
            var assembly = loader.LoadDefaultAssembly();
            var entryTypes = FindEntryTypes(assembly);
            if (entryTypes.Count == 0)
            {
                Fail(name, folder, $"{name}.dll has no public class implementing IGanPlugin");
                return;
            }

            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
                          ?? assembly.GetName().Version?.ToString(3) ?? "0.0.0";
            var info = new PluginInfo(name, version, folder, builtAgainst);
            foreach (var entryType in entryTypes)
            {
                var plugin = (IGanPlugin)Activator.CreateInstance(entryType)!;
                Register(plugin, info);
            }

            _plugins.Add(info);
            _logger.LogDebug("Loaded plugin {Plugin} {Version} from {Folder}.", name, version, folder);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Fail(name, folder, Describe(ex));
        }
    }

    /// <summary>The contracts version the plugin was built against, read without loading it; null (and a failure recorded) when it cannot load.</summary>
    private Version? CheckContracts(string name, string folder, string assemblyPath)
    {
        Version? builtAgainst;
        try
        {
            builtAgainst = PluginManifestReader.ReferencedContractsVersion(assemblyPath);
        }
        catch (Exception ex) when (ex is BadImageFormatException or IOException or InvalidOperationException)
        {
            Fail(name, folder, $"{name}.dll is not a valid .NET assembly ({ex.Message})");
            return null;
        }

        if (builtAgainst is null)
        {
            Fail(name, folder, $"{name}.dll does not reference Gan.Abstractions, so it cannot contain a plugin");
            return null;
        }

        if (ContractsCompatibility.Check(builtAgainst, ContractsVersion.Current) is { } incompatible)
        {
            Fail(name, folder, incompatible);
            return null;
        }

        return builtAgainst;
    }

    private static List<Type> FindEntryTypes(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetExportedTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            throw new InvalidOperationException(
                "some of its types could not be loaded: " +
                string.Join("; ", ex.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct()), ex);
        }

        return types.Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IGanPlugin).IsAssignableFrom(t)).ToList();
    }

    /// <summary>
    /// Adds a plugin object of this process as a loaded plugin, through the path a plugin from a folder takes (tests
    /// that need a plugin's registrations without building one).
    /// </summary>
    internal void AddInProcess(IGanPlugin plugin, string name)
    {
        var info = new PluginInfo(name, "0.0.0", "", ContractsVersion.Current);
        _plugins.Add(info);
        Register(plugin, info);
    }

    private void Register(IGanPlugin plugin, PluginInfo info)
    {
        // A private collection per plugin, so that a plugin failing halfway through Configure adds nothing.
        var services = new ServiceCollection();
        plugin.Configure(services);
        foreach (var registration in services.Where(d => d.ServiceType == typeof(ComponentRegistration))
                     .Select(d => (ComponentRegistration)d.ImplementationInstance!))
        {
            var existing = _components.FirstOrDefault(c =>
                c.Registration.Contract == registration.Contract &&
                string.Equals(c.Registration.Name, registration.Name, StringComparison.OrdinalIgnoreCase));
            if (existing.Registration is not null)
            {
                _logger.LogWarning(
                    "Component {Component} from plugin {Plugin} ignored: plugin {Other} already provides a {Kind} with that name.",
                    registration.Name, info.Name, existing.Plugin.Name, global::Gan.Engine.Components.ComponentKinds.Describe(registration.Contract));
                continue;
            }

            _components.Add((registration, info));
        }

        PluginServices.AddRange(services.Where(d => d.ServiceType != typeof(ComponentRegistration)));
    }

    /// <summary>Services plugins registered besides their components; the engine adds them to the run's container.</summary>
    public List<ServiceDescriptor> PluginServices { get; } = [];

    private void Fail(string name, string folder, string reason)
    {
        _failures.Add(new PluginLoadFailure(name, folder, reason));
        _logger.LogError("Plugin {Plugin} in {Folder} was not loaded: {Reason}", name, folder, reason);
    }

    private static string Describe(Exception ex)
    {
        var root = ex is TargetInvocationException { InnerException: { } inner } ? inner : ex;
        return root switch
        {
            FileNotFoundException missing => $"a dependency is missing: {missing.FileName ?? missing.Message}",
            FileLoadException load => $"a dependency could not be loaded: {load.FileName ?? load.Message}",
            BadImageFormatException bad => $"an assembly is not valid .NET code: {bad.FileName ?? bad.Message}",
            _ => $"{root.GetType().Name} while loading: {root.Message}",
        };
    }

    private static string MainAssemblyOf(string folder) => Path.Combine(folder, Path.GetFileName(folder) + ".dll");

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var loader in _loaders)
        {
            loader.Dispose();
        }
    }
}
