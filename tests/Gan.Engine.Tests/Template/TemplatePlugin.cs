using Gan.Engine.Tests.Infrastructure;

namespace Gan.Engine.Tests.Template;

/// <summary>
/// A plugin made the way a third party makes one: Gan.Abstractions, Gan.Toolkit and Gan.Native packed into a local feed, the gan-plugin
/// template installed into a private template hive, <c>dotnet new gan-plugin</c>, and a build against the feed.
/// The generated plugin also takes YamlDotNet 15.3.0 (the host has 16.3.0) to show private dependencies stay private.
/// Built once per test class; nothing under the repository or the user's template list is written.
/// </summary>
public sealed class TemplatePlugin : IDisposable
{
    public const string Name = "Acme.Gan.Faces";
    public const string PrivateYamlVersion = "15.3.0";

    /// <summary>YamlDotNet keeps its assembly version at major.0.0 (the host's 16.3.0 is 16.0.0).</summary>
    public const string PrivateYamlAssemblyVersion = "15.0.0";
    private readonly TemporaryDirectory _root = new();
    private readonly string _packageVersion;

    public TemplatePlugin()
    {
        var feed = _root.Combine("feed");
        // A version unique to this test run: restoring puts the package in the machine's global cache, where a
        // plain 1.0.0 from an earlier run (built from older sources) would otherwise be reused silently.
        _packageVersion = $"1.0.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        foreach (var package in (string[])["Gan.Abstractions", "Gan.Toolkit", "Gan.Native"])
        {
            DotnetBuild.Run(RepositoryPaths.Root, "pack", Path.Combine("src", package), "-c", "Release", "-o", feed,
                "--artifacts-path", _root.Combine(package + "-artifacts"), $"-p:Version={_packageVersion}");
        }

        // The local feed first; nuget.org stays for TorchSharp and the other public packages.
        _root.WriteFile("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="gan-local" value="{feed}" />
                <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
              </packageSources>
            </configuration>
            """);

        var hive = _root.Combine("template-hive");
        DotnetBuild.Run(_root.Path, "new", "install", Path.Combine(RepositoryPaths.Root, "templates", "gan-plugin"), "--debug:custom-hive", hive);
        DotnetBuild.Run(_root.Path, "new", "gan-plugin", "-n", Name, "-o", "generated", "--debug:custom-hive", hive);
        Generated = _root.Combine("generated");

        AddPrivateYamlDependency(Path.Combine(Generated, "src", Name));
        PluginsFolder = _root.Combine("plugins");
        DotnetBuild.Run(Generated, "build", Path.Combine("src", Name), "-c", "Release", "-o", Path.Combine(PluginsFolder, Name),
            $"-p:GanAbstractionsVersion={_packageVersion}");
    }

    /// <summary>The folder <c>dotnet new</c> created.</summary>
    public string Generated { get; }

    /// <summary>A folder of plugin folders holding the built plugin.</summary>
    public string PluginsFolder { get; }

    /// <summary>
    /// Runs the generated test project with <c>dotnet test</c>, as the plugin's author would, against the packed
    /// packages; returns its output.
    /// </summary>
    public string TestGeneratedProject() => DotnetBuild.Run(Generated, "test", Path.Combine("tests", Name + ".Tests"),
        $"-p:GanAbstractionsVersion={_packageVersion}", $"-p:GanNativeVersion={_packageVersion}");

    /// <summary>A scratch folder for runs, inside this fixture's temporary folder.</summary>
    public string Scratch(string name) => _root.Combine(name);

    private static void AddPrivateYamlDependency(string project)
    {
        var csproj = Path.Combine(project, Name + ".csproj");
        File.WriteAllText(csproj, File.ReadAllText(csproj).Replace(
            "</Project>",
            $"""<ItemGroup><PackageReference Include="YamlDotNet" Version="{PrivateYamlVersion}" /></ItemGroup></Project>""",
            StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(project, "YamlProbe.cs"), $$"""
            namespace {{Name}};

            /// <summary>Reports which YamlDotNet this plugin runs with.</summary>
            public static class YamlProbe
            {
                /// <summary>The loaded YamlDotNet's assembly version, after a real round trip through it.</summary>
                public static string Version()
                {
                    var yaml = new YamlDotNet.Serialization.SerializerBuilder().Build().Serialize(new { a = 1 });
                    _ = new YamlDotNet.Serialization.DeserializerBuilder().Build().Deserialize<Dictionary<string, int>>(yaml);
                    return typeof(YamlDotNet.Serialization.SerializerBuilder).Assembly.GetName().Version!.ToString(3);
                }
            }
            """);
    }

    public void Dispose() => _root.Dispose();
}
