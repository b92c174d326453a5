using System.ComponentModel.DataAnnotations;
using System.Reflection;
using YamlDotNet.RepresentationModel;

namespace Gan.Configuration;

/// <summary>
/// Runs DataAnnotations on a bound options object and reports each failure at the offending key. Properties
/// are validated one by one, with the key path as display name, so messages read
/// "The field model.generator.latent_dim must be between 1 and 1024." rather than naming the C# property.
/// </summary>
internal static class OptionsValidator
{
    public static void Validate(
        object instance,
        IReadOnlyList<OptionProperty> properties,
        IReadOnlyDictionary<OptionProperty, YamlNode> keyNodes,
        IReadOnlySet<OptionProperty> failed,
        YamlNode? mapping,
        string path,
        BindingContext context)
    {
        foreach (var property in properties)
        {
            if (failed.Contains(property))
            {
                // Already reported as a binding error; the default left in place would only add noise.
                continue;
            }

            var validation = new ValidationContext(instance)
            {
                MemberName = property.Info.Name,
                DisplayName = context.KeyPath(path, property.Key),
            };
            var results = new List<ValidationResult>();
            if (!Validator.TryValidateProperty(property.Info.GetValue(instance), validation, results))
            {
                var at = keyNodes.TryGetValue(property, out var key) ? key : mapping;
                foreach (var result in results)
                {
                    context.AddError(at, result.ErrorMessage ?? $"{validation.DisplayName} is not valid");
                }
            }
        }

        ValidateObject(instance, properties, keyNodes, mapping, path, context);
    }

    // Class-level attributes and IValidatableObject: cross-field rules (e.g. "min must not exceed max").
    private static void ValidateObject(
        object instance,
        IReadOnlyList<OptionProperty> properties,
        IReadOnlyDictionary<OptionProperty, YamlNode> keyNodes,
        YamlNode? mapping,
        string path,
        BindingContext context)
    {
        var validation = new ValidationContext(instance) { DisplayName = path.Length == 0 ? "the top level" : path };
        var results = new List<ValidationResult>();
        foreach (var attribute in instance.GetType().GetCustomAttributes<ValidationAttribute>(inherit: true))
        {
            if (attribute.GetValidationResult(instance, validation) is { } result && result != ValidationResult.Success)
            {
                results.Add(result);
            }
        }

        if (instance is IValidatableObject validatable)
        {
            results.AddRange(validatable.Validate(validation).Where(r => r != ValidationResult.Success));
        }

        foreach (var result in results)
        {
            var member = result.MemberNames.FirstOrDefault();
            var property = properties.FirstOrDefault(p => p.Info.Name == member);
            var at = property is not null && keyNodes.TryGetValue(property, out var key) ? key : mapping;
            var message = result.ErrorMessage ?? "is not valid";
            var subject = property is not null ? context.KeyPath(path, property.Key) : context.CommandName is not null && path.Length == 0 ? null : NodeText.Where(path);
            context.AddError(at, subject is null ? message : $"{subject}: {message}");
        }
    }
}
