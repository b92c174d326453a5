namespace Gan.TestPlugins.DropIn;

/// <summary>The ring's size: a service the plugin registers for its own components.</summary>
public sealed record RingGeometry(double Radius);
