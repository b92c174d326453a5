namespace Gan.Abstractions;

/// <summary>The experiment's networks, built from its <c>model:</c> section and kept across stages.</summary>
public interface INetworkStore
{
    /// <summary>
    /// Returns the network instance <paramref name="instance"/> (default: <paramref name="role"/>) built from
    /// the <c>model.&lt;role&gt;</c> section, creating it on first use on the training device. Several
    /// instances of one role (CycleGAN's G_A and G_B) are independent networks with the same options.
    /// </summary>
    /// <typeparam name="T">The contract expected, <see cref="IGenerator"/> or <see cref="IDiscriminator"/>.</typeparam>
    T Get<T>(string role, string? instance = null) where T : class, INetwork;

    /// <summary>The instances created so far, by instance name.</summary>
    IReadOnlyDictionary<string, INetwork> Instances { get; }
}
