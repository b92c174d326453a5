namespace Gan.Engine.Training;

/// <summary>A checkout's commit, branch (null when HEAD is detached) and origin URL (null without an origin).</summary>
internal sealed record GitSource(string Commit, string? Branch, string? RepoUrl);
