using System.Text;

namespace Gan.Configuration;

/// <summary>The spelling rules that turn C# names into YAML keys and compare keys loosely.</summary>
internal static class OptionNaming
{
    /// <summary>
    /// <c>BatchSize</c> → <c>batch_size</c>, <c>LambdaA</c> → <c>lambda_a</c>, <c>Beta1</c> → <c>beta1</c>,
    /// <c>NEpochsDecay</c> → <c>n_epochs_decay</c>, <c>HTTPServer</c> → <c>http_server</c>, <c>Conv2D</c> → <c>conv2d</c>.
    /// </summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previous = name[i - 1];
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                // A word starts after a lower-case letter, at the last capital of an acronym (HTTPServer),
                // or after a digit when a lower-case word follows (Layer2Norm), but not in Conv2D.
                if (char.IsLower(previous) || (nextIsLower && (char.IsUpper(previous) || char.IsDigit(previous))))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>The key with case, '_' and '-' ignored, so <c>batchSize</c> and <c>batch-size</c> match <c>batch_size</c>.</summary>
    public static string Normalize(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is not ('_' or '-'))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
