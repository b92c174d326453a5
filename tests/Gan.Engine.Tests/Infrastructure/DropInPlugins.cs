
namespace Gan.Engine.Tests.Infrastructure;

/// <summary>
/// Builds the third-party test plugin (tests/plugins/Gan.TestPlugins.DropIn) the way its author would:
/// a copy of its project in a temporary folder, built on its own against a Gan.Abstractions.dll, never
/// referenced by the repository. Each variant is built once per test run, on first use.
/// </summary>
public sealed class DropInPlugins : IDisposable
{
    private const string Name = "Gan.TestPlugins.DropIn";
    private readonly TemporaryDirectory _root = new();
    private readonly Lazy<string> _working;
    private readonly Lazy<string> _throwing;
    private readonly Lazy<string> _futureMajor;
    private readonly Lazy<string> _contracts10;

    public DropInPlugins()
    {
        var abstractions = Path.Combine(AppContext.BaseDirectory, "Gan.Abstractions.dll");
        _working = new(() => Build("working", Name, abstractions));
        _throwing = new(() => Build("throwing", "Gan.TestPlugins.Throwing", abstractions, "-p:DefineConstants=THROW_ON_CONFIGURE"));
        _futureMajor = new(() => Build("future", Name, FutureAbstractions()));
        _contracts10 = new(() => Build("contracts-1.0", Name, ReleasedAbstractions10(), "-p:DefineConstants=CONTRACTS_1_0"));
    }

    /// <summary>A folder of plugin folders holding the working plugin.</summary>
    public string Working => _working.Value;

    /// <summary>A plugin whose entry type throws in Configure.</summary>
    public string Throwing => _throwing.Value;

    /// <summary>The plugin built against Gan.Abstractions 2.0.0.</summary>
    public string FutureMajor => _futureMajor.Value;

    /// <summary>The working plugin built against Gan.Abstractions 1.0.0, as released (rebuilt from the repository's history).</summary>
    public string Contracts10 => _contracts10.Value;

    /// <summary>A copy of the working plugin without its private dependency (Sep.dll).</summary>
    public string MissingDependency()
    {
        var target = _root.Combine("missing-dependency", Name);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(Working, Name)))
        {
            if (!Path.GetFileName(file).StartsWith("Sep.", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
            }
        }

        return Path.GetDirectoryName(target)!;
    }

    private string Build(string variant, string assemblyName, string abstractionsPath, params string[] extra)
    {
        var source = _root.Combine("src", variant);
        CopyDirectory(Path.Combine(RepositoryPaths.Root, "tests", "plugins", Name), source);
        var output = _root.Combine("plugins-" + variant, assemblyName);
        DotnetBuild.Run(source, ["build", "-c", "Release", "-o", output, $"-p:AssemblyName={assemblyName}",
            $"-p:GanAbstractionsPath={abstractionsPath}", .. extra]);
        return Path.GetDirectoryName(output)!;
    }

    private string FutureAbstractions()
    {
        // The real contracts project built with a future major version, in its own artifacts folder.
        var artifacts = _root.Combine("abstractions-2");
        DotnetBuild.Run(RepositoryPaths.Root, "build", Path.Combine("src", "Gan.Abstractions"), "-c", "Release",
            "--artifacts-path", artifacts, "-p:Version=2.0.0", "-p:AssemblyVersion=2.0.0.0");
        return Directory.GetFiles(artifacts, "Gan.Abstractions.dll", SearchOption.AllDirectories).First();
    }

    /// <summary>
    /// Gan.Abstractions 1.0.0 built from its sources in git: the commit before the contracts' version became 1.1.0,
    /// with the build files of that commit. Needs the repository's history (CI runs on a full clone).
    /// </summary>
    private string ReleasedAbstractions10()
    {
        var firstOf11 = Git("log", "--format=%H", "-S<Version>1.1.0</Version>", "--", "src/Gan.Abstractions/Gan.Abstractions.csproj")
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("the repository's history has no commit that made Gan.Abstractions 1.1.0 (shallow clone?)");
        var source = _root.Combine("abstractions-1.0-src");
        Directory.CreateDirectory(source);
        var archive = _root.Combine("abstractions-1.0.tar");
        Git("archive", "-o", archive, firstOf11 + "^", "src/Gan.Abstractions", "Directory.Build.props", "Directory.Build.targets",
            "Directory.Packages.props", "global.json");
        System.Formats.Tar.TarFile.ExtractToDirectory(archive, source, overwriteFiles: true);
        var artifacts = _root.Combine("abstractions-1.0");
        DotnetBuild.Run(source, "build", Path.Combine("src", "Gan.Abstractions"), "-c", "Release", "--artifacts-path", artifacts);
        return Directory.GetFiles(Path.Combine(artifacts, "bin"), "Gan.Abstractions.dll", SearchOption.AllDirectories).Single();
    }

    private static string Git(params string[] arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("git") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"git {string.Join(' ', arguments)} failed ({process.ExitCode}): {error}");
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
        }
    }

    public void Dispose() => _root.Dispose();
}

/// <summary>
/// Tests that train in-process run one at a time: torch's random generator is global to the process, so two
/// runs at once would draw from each other's stream and break seed repeatability (one run per process, as
/// the host does, has no such issue).
/// </summary>
[CollectionDefinition(Name)]
public sealed class InProcessTrainingCollection : ICollectionFixture<DropInPlugins>
{
    public const string Name = "in-process training";
}
