using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Tests.Sqlite;

/// <summary>
/// The schema fixtures under <c>Sqlite/Fixtures</c>: MLflow's SQLite schema at named alembic revisions, in the layout
/// of MLflow's own schema dumps, and a structural snapshot to compare databases by.
/// </summary>
internal static class SchemaFixture
{
    public const string CreatedRevision = "6953534de441";
    public const string LaterRevision = "1b5f0d9ad7c1";

    private static string FixtureFolder => System.IO.Path.Combine(RepositoryPaths.Root, "tests", "Gan.Tracking.Tests", "Sqlite", "Fixtures");

    /// <summary>
    /// Creates a database file at <paramref name="revision"/>: the created revision's schema, and for the later one
    /// that schema migrated as MLflow's alembic scripts migrate it. <paramref name="edit"/> may change both texts.
    /// </summary>
    public static string CreateDatabase(string folder, string revision, Func<string, string>? edit = null)
    {
        var path = System.IO.Path.Combine(folder, $"mlflow-{revision}.db");
        Run(path, System.IO.Path.Combine(FixtureFolder, $"schema-{CreatedRevision}.sql"), edit);
        if (revision == LaterRevision)
        {
            Migrate(path, edit);
        }

        return path;
    }

    /// <summary>Migrates a database at the created revision to the later one, as <c>mlflow db upgrade</c> would.</summary>
    public static void Migrate(string databasePath, Func<string, string>? edit = null) =>
        Run(databasePath, System.IO.Path.Combine(FixtureFolder, $"migrate-{CreatedRevision}-to-{LaterRevision}.sql"), edit);

    private static void Run(string databasePath, string file, Func<string, string>? edit)
    {
        var text = File.ReadAllText(file);
        text = edit?.Invoke(text) ?? text;
        // Table rebuilds (alembic's batch mode) drop and recreate referenced tables, which SQLite only
        // allows with foreign-key enforcement off; the bundled SQLite turns it on by default.
        using var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False;Foreign Keys=False");
        connection.Open();
        foreach (var statement in Statements(text))
        {
            using var command = connection.CreateCommand();
            command.CommandText = statement;
            command.ExecuteNonQuery();
        }
    }

    /// <summary>Tables, columns, keys and indexes of a database, as sorted comparable lines.</summary>
    public static IReadOnlyList<string> Snapshot(string databasePath)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        var lines = new List<string>();
        foreach (var table in Query(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0)))
        {
            lines.AddRange(Query(connection, $"SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info('{table}')",
                r => $"{table}.{r.GetString(0)} {r.GetString(1)} notnull={r.GetInt64(2)} default={(r.IsDBNull(3) ? "-" : r.GetString(3))} pk={r.GetInt64(4)}"));
            lines.AddRange(Query(connection, $"SELECT \"table\", \"from\", \"to\", on_update, on_delete FROM pragma_foreign_key_list('{table}')",
                r => $"{table} fk ({r.GetString(1)}) -> {r.GetString(0)}({r.GetString(2)}) update={r.GetString(3)} delete={r.GetString(4)}"));
            foreach (var (index, unique) in Query(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'", r => (r.GetString(0), r.GetInt64(1))))
            {
                var columns = Query(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"{table} index {index} ({string.Join(", ", columns)}) unique={unique}");
            }

            foreach (var index in Query(connection, $"SELECT name FROM pragma_index_list('{table}') WHERE origin = 'u'", r => r.GetString(0)))
            {
                var columns = Query(connection, $"SELECT name FROM pragma_index_info('{index}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"{table} unique ({string.Join(", ", columns)})");
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static IEnumerable<string> Statements(string text)
    {
        var current = new List<string>();
        foreach (var line in text.Split('\n').Append(string.Empty))
        {
            if (line.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Trim().Length == 0)
            {
                if (current.Count > 0)
                {
                    yield return string.Join('\n', current);
                    current.Clear();
                }

                continue;
            }

            current.Add(line);
        }
    }

    private static List<T> Query<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read())
        {
            result.Add(read(reader));
        }

        return result;
    }
}
