using Gan.Abstractions;

namespace Gan.Engine.Experiments;

/// <summary>
/// Which contract a <c>model:</c> entry must satisfy, from its role name: roles naming a discriminator or
/// critic (<c>discriminator</c>, <c>critic</c>, <c>pair_discriminator</c>) are discriminators, every other
/// role (<c>generator</c>, <c>predictor</c>) is a generator.
/// </summary>
public static class ModelRoles
{
    /// <summary>The conventional generator role.</summary>
    public const string Generator = "generator";

    /// <summary>The conventional discriminator role.</summary>
    public const string Discriminator = "discriminator";

    /// <summary>The contract for <paramref name="role"/>.</summary>
    public static Type ContractOf(string role) =>
        role.Contains("discriminator", StringComparison.OrdinalIgnoreCase) || role.Contains("critic", StringComparison.OrdinalIgnoreCase)
            ? typeof(IDiscriminator)
            : typeof(IGenerator);
}
