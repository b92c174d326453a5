using Microsoft.Data.Sqlite;

namespace Gan.Tracking.Sqlite;

/// <summary>
/// Dataset inputs in MLflow's SQL schema, as SqlAlchemyStore.log_inputs writes them: one <c>datasets</c> row per
/// (experiment, name, digest), shared by every run that read it; an <c>inputs</c> row from the dataset to the run
/// (source type <c>DATASET</c>, destination type <c>RUN</c>); its tags in <c>input_tags</c>.
/// </summary>
internal static class SqliteDatasets
{
    public static void Record(SqliteConnection connection, SqliteTransaction transaction, string runId, long experimentId, DatasetInputDto input)
    {
        var dataset = input.Dataset;
        using (var insertDataset = SqliteConnections.Command(connection, transaction,
            "INSERT INTO datasets (dataset_uuid, experiment_id, name, digest, dataset_source_type, dataset_source, dataset_schema, dataset_profile) " +
            "VALUES ($uuid, $experiment, $name, $digest, $type, $source, $schema, $profile) ON CONFLICT (experiment_id, name, digest) DO NOTHING",
            ("$uuid", Guid.NewGuid().ToString("N")), ("$experiment", experimentId), ("$name", dataset.Name), ("$digest", dataset.Digest),
            ("$type", dataset.SourceType), ("$source", dataset.Source), ("$schema", dataset.Schema), ("$profile", dataset.Profile)))
        {
            insertDataset.ExecuteNonQuery();
        }

        string datasetUuid;
        using (var find = SqliteConnections.Command(connection, transaction,
            "SELECT dataset_uuid FROM datasets WHERE experiment_id = $experiment AND name = $name AND digest = $digest",
            ("$experiment", experimentId), ("$name", dataset.Name), ("$digest", dataset.Digest)))
        {
            datasetUuid = (string)find.ExecuteScalar()!;
        }

        var inputUuid = Guid.NewGuid().ToString("N");
        using (var insertInput = SqliteConnections.Command(connection, transaction,
            "INSERT INTO inputs (input_uuid, source_type, source_id, destination_type, destination_id) " +
            "VALUES ($uuid, 'DATASET', $dataset, 'RUN', $run) ON CONFLICT (source_type, source_id, destination_type, destination_id) DO NOTHING",
            ("$uuid", inputUuid), ("$dataset", datasetUuid), ("$run", runId)))
        {
            if (insertInput.ExecuteNonQuery() == 0)
            {
                return; // this run already records that dataset (a resumed run logs it again)
            }
        }

        foreach (var tag in input.Tags ?? [])
        {
            using var insertTag = SqliteConnections.Command(connection, transaction,
                "INSERT INTO input_tags (input_uuid, name, value) VALUES ($uuid, $name, $value) ON CONFLICT DO NOTHING",
                ("$uuid", inputUuid), ("$name", tag.Key), ("$value", tag.Value));
            insertTag.ExecuteNonQuery();
        }
    }

    /// <summary>The dataset inputs of a run.</summary>
    public static List<RunDataset> Read(SqliteConnection connection, string runId)
    {
        using var command = SqliteConnections.Command(connection, null,
            "SELECT d.name, d.digest, d.dataset_source_type, d.dataset_source, d.dataset_profile, " +
            "(SELECT t.value FROM input_tags t WHERE t.input_uuid = i.input_uuid AND t.name = $context) " +
            "FROM inputs i JOIN datasets d ON d.dataset_uuid = i.source_id " +
            "WHERE i.source_type = 'DATASET' AND i.destination_type = 'RUN' AND i.destination_id = $run ORDER BY d.name",
            ("$run", runId), ("$context", DatasetInputs.ContextTag));
        using var reader = command.ExecuteReader();
        var result = new List<RunDataset>();
        while (reader.Read())
        {
            result.Add(new RunDataset(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return result;
    }
}
