namespace Gan.Engine.Training;

/// <summary>
/// Reads the current commit of the git checkout holding a file, for the <c>mlflow.source.git.commit</c>
/// tag. Reads .git directly rather than starting a git process: faster, and works without git installed.
/// </summary>
internal static class GitInfo
{
    public static string? CommitOf(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."); dir is not null; dir = dir.Parent)
        {
            var gitDir = Path.Combine(dir.FullName, ".git");
            if (!Directory.Exists(gitDir))
            {
                continue;
            }

            try
            {
                var head = File.ReadAllText(Path.Combine(gitDir, "HEAD")).Trim();
                if (!head.StartsWith("ref: ", StringComparison.Ordinal))
                {
                    return head;
                }

                var reference = head[5..];
                var loose = Path.Combine(gitDir, reference);
                if (File.Exists(loose))
                {
                    return File.ReadAllText(loose).Trim();
                }

                var packed = Path.Combine(gitDir, "packed-refs");
                return File.Exists(packed)
                    ? File.ReadLines(packed).Where(l => l.EndsWith(" " + reference, StringComparison.Ordinal)).Select(l => l[..40]).FirstOrDefault()
                    : null;
            }
            catch (IOException)
            {
                return null;
            }
        }

        return null;
    }
}
