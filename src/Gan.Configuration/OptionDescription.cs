namespace Gan.Configuration;

/// <summary>One key of an options class, as <c>gan describe</c> lists it.</summary>
/// <param name="Key">The YAML key (<c>latent_dim</c>).</param>
/// <param name="TypeName">A readable type: "integer", "list of number", "one of: linear, cosine", "mapping".</param>
/// <param name="DefaultValue">The default in YAML flow style (<c>[256, 512]</c>, <c>0.0002</c>, <c>null</c>).</param>
/// <param name="Description">The property's [Description], if any.</param>
public sealed record OptionDescription(string Key, string TypeName, string? DefaultValue, string? Description);
