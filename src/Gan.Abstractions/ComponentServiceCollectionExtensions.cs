using Microsoft.Extensions.DependencyInjection;

namespace Gan.Abstractions;

/// <summary>Registration helpers a plugin calls from <see cref="IGanPlugin.Configure"/>.</summary>
public static class ComponentServiceCollectionExtensions
{
    /// <summary>
    /// Registers a component named <paramref name="name"/> that fulfils <typeparamref name="TContract"/>
    /// and is configured by <typeparamref name="TOptions"/>.
    /// </summary>
    public static IServiceCollection AddGanComponent<TContract, TOptions>(
        this IServiceCollection services,
        string name,
        Func<ComponentContext, TOptions, TContract> factory,
        string description = "")
        where TContract : class
        where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        services.AddSingleton(new ComponentRegistration(
            typeof(TContract), name, typeof(TOptions), description,
            (context, options) => factory(context, (TOptions)options)));
        return services;
    }
}
