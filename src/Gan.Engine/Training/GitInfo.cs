namespace Gan.Engine.Training;

/// <summary>
/// The git checkout holding a file, for the tags MLflow's client writes: <c>mlflow.source.git.commit</c>,
/// <c>mlflow.source.git.branch</c> and <c>mlflow.source.git.repoURL</c> (the <c>origin</c> remote). Reads <c>.git</c>
/// directly rather than starting a git process: faster, and works without git installed. <c>.git</c> may be a file
/// (<c>gitdir: ...</c>) as in worktrees and submodules; refs and config then live in the common git folder.
/// </summary>
internal static class GitInfo
{
    /// <summary>What the checkout says, or null outside one.</summary>
    public static GitSource? Of(string path)
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(Path.GetFullPath(path)) ?? "."); dir is not null; dir = dir.Parent)
        {
            var dotGit = Path.Combine(dir.FullName, ".git");
            try
            {
                var gitDir = Directory.Exists(dotGit) ? dotGit : File.Exists(dotGit) ? GitDirFromFile(dotGit, dir.FullName) : null;
                if (gitDir is not null)
                {
                    return Read(gitDir);
                }
            }
            catch (IOException)
            {
                return null;
            }
            catch (UnauthorizedAccessException)
            {
                return null;
            }
        }

        return null;
    }

    private static string? GitDirFromFile(string dotGitFile, string workTree)
    {
        var line = File.ReadLines(dotGitFile).FirstOrDefault(l => l.StartsWith("gitdir:", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var target = line["gitdir:".Length..].Trim();
        var full = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(workTree, target));
        return Directory.Exists(full) ? full : null;
    }

    private static GitSource? Read(string gitDir)
    {
        // A worktree's git folder keeps its own HEAD; refs, packed-refs and config are in the common folder.
        var commonFile = Path.Combine(gitDir, "commondir");
        var commonDir = File.Exists(commonFile)
            ? Path.GetFullPath(Path.Combine(gitDir, File.ReadAllText(commonFile).Trim()))
            : gitDir;
        var headFile = Path.Combine(gitDir, "HEAD");
        if (!File.Exists(headFile))
        {
            return null;
        }

        var head = File.ReadAllText(headFile).Trim();
        string? branch = null;
        string? commit;
        if (head.StartsWith("ref: ", StringComparison.Ordinal))
        {
            var reference = head[5..].Trim();
            const string heads = "refs/heads/";
            branch = reference.StartsWith(heads, StringComparison.Ordinal) ? reference[heads.Length..] : reference;
            commit = ResolveRef(gitDir, reference) ?? ResolveRef(commonDir, reference);
        }
        else
        {
            commit = head; // detached HEAD
        }

        return commit is null ? null : new GitSource(commit, branch, OriginUrl(commonDir));
    }

    private static string? ResolveRef(string gitDir, string reference)
    {
        var loose = Path.Combine(gitDir, reference.Replace('/', Path.DirectorySeparatorChar));
        if (File.Exists(loose))
        {
            return File.ReadAllText(loose).Trim();
        }

        var packed = Path.Combine(gitDir, "packed-refs");
        return File.Exists(packed)
            ? File.ReadLines(packed).Where(l => l.Length > 41 && l.EndsWith(" " + reference, StringComparison.Ordinal)).Select(l => l[..40]).FirstOrDefault()
            : null;
    }

    // The url of [remote "origin"] in the repository's config, as `git config --get remote.origin.url` gives it,
    // with any credentials in it removed: tags are visible to everyone who can open the run.
    private static string? OriginUrl(string gitDir)
    {
        var config = Path.Combine(gitDir, "config");
        if (!File.Exists(config))
        {
            return null;
        }

        var inOrigin = false;
        foreach (var raw in File.ReadLines(config))
        {
            var line = raw.Trim();
            if (line.StartsWith('['))
            {
                inOrigin = line.Replace(" ", "", StringComparison.Ordinal).Equals("[remote\"origin\"]", StringComparison.Ordinal);
                continue;
            }

            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (inOrigin && equals > 0 && line[..equals].Trim().Equals("url", StringComparison.OrdinalIgnoreCase))
            {
                return WithoutCredentials(line[(equals + 1)..].Trim());
            }
        }

        return null;
    }

    private static string WithoutCredentials(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0 && parsed.Scheme is "http" or "https"
            ? new UriBuilder(parsed) { UserName = "", Password = "" }.Uri.ToString()
            : url;
}
