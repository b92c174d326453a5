using System.ComponentModel;

namespace Gan.Configuration.Tests;

/// <summary>Options documented the way a plugin author would: doc comments, one [Description].</summary>
public sealed class DocumentedOptions
{
    /// <summary>
    /// Number of   residual blocks
    /// in the generator.
    /// </summary>
    public int Blocks { get; set; } = 9;

    /// <summary>Scale of the <see cref="Nested.Weight"/> term; <see langword="null"/> turns it off. See <c>scale</c>.</summary>
    public double? Scale { get; set; }

    /// <summary>Ignored: the attribute wins.</summary>
    [Description("From the attribute.")]
    public string Mode { get; set; } = "a";

    public int Undocumented { get; set; }

    /// <summary>A nested options class.</summary>
    public sealed class Nested
    {
        /// <summary>Weight of a nested option.</summary>
        public double Weight { get; set; } = 1;
    }
}
