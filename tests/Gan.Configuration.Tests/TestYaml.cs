namespace Gan.Configuration.Tests;

/// <summary>Builds documents from inline YAML and binds them.</summary>
internal static class TestYaml
{
    public const string File = "experiments/mnist.yaml";

    /// <summary>Joins lines with '\n' so line numbers in assertions are easy to count.</summary>
    public static ConfigDocument Parse(params string[] lines) => ConfigDocument.Parse(string.Join('\n', lines), File);

    public static (T Value, BindingContext Context) Bind<T>(ConfigDocument document, string path = "", string? description = null, IReadOnlySet<string>? ignored = null)
    {
        var context = new BindingContext(document);
        var value = ConfigBinder.Bind<T>(document.Root, path, context, description, ignored);
        return (value, context);
    }

    public static (T Value, BindingContext Context) Bind<T>(params string[] lines) => Bind<T>(Parse(lines));

    public static ConfigurationError Single(BindingContext context) => Assert.Single(context.Errors);
}
