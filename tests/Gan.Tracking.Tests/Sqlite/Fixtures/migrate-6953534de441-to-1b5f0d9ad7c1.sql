-- Test fixture: the migrations that take a database from alembic revision 6953534de441 (what this store creates) to
-- 1b5f0d9ad7c1 ("Add workspace columns and catalog table", January 2026), as MLflow's alembic scripts run them on
-- SQLite: ADD COLUMN where SQLite can, otherwise a batch rebuild (create _alembic_tmp_<table>, copy, drop, rename).
-- Written from the migrations that touch what this store reads or writes or add NOT NULL columns: cbc13b556ace
-- (trace_info V3 columns), bda7b8c39065 (model_version_tags.value TEXT), 1b5f0d9ad7c1 (experiments.workspace NOT
-- NULL DEFAULT 'default' with UNIQUE (workspace, name) instead of UNIQUE (name); the workspaces table), plus a
-- selection of the tables added in between (webhooks, jobs, assessments, spans with a generated column). The same
-- migration's re-keying of the model-registry tables is left out: this store never touches them.
-- Statements are separated by blank lines.

ALTER TABLE trace_info ADD COLUMN client_request_id VARCHAR(50)

ALTER TABLE trace_info ADD COLUMN request_preview VARCHAR(1000)

ALTER TABLE trace_info ADD COLUMN response_preview VARCHAR(1000)

CREATE TABLE _alembic_tmp_model_version_tags (
	key VARCHAR(250) NOT NULL,
	value TEXT,
	name VARCHAR(256) NOT NULL,
	version INTEGER NOT NULL,
	CONSTRAINT model_version_tag_pk PRIMARY KEY (key, name, version),
	FOREIGN KEY(name, version) REFERENCES model_versions (name, version) ON UPDATE CASCADE
)

INSERT INTO _alembic_tmp_model_version_tags (key, value, name, version) SELECT key, value, name, version FROM model_version_tags

DROP TABLE model_version_tags

ALTER TABLE _alembic_tmp_model_version_tags RENAME TO model_version_tags

CREATE TABLE workspaces (
	name VARCHAR(63) NOT NULL,
	description TEXT,
	default_artifact_root TEXT,
	CONSTRAINT workspaces_pk PRIMARY KEY (name)
)

CREATE TABLE webhooks (
	webhook_id VARCHAR(256) NOT NULL,
	name VARCHAR(256) NOT NULL,
	description VARCHAR(1000),
	url VARCHAR(500) NOT NULL,
	status VARCHAR(20) DEFAULT 'ACTIVE' NOT NULL,
	secret VARCHAR(1000),
	creation_timestamp BIGINT,
	last_updated_timestamp BIGINT,
	deleted_timestamp BIGINT,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT webhook_pk PRIMARY KEY (webhook_id)
)

CREATE TABLE jobs (
	id VARCHAR(36) NOT NULL,
	creation_time BIGINT NOT NULL,
	function_fullname VARCHAR(500) NOT NULL,
	params TEXT NOT NULL,
	timeout FLOAT,
	status INTEGER NOT NULL,
	result TEXT,
	retry_count INTEGER NOT NULL,
	last_update_time BIGINT NOT NULL,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT jobs_pk PRIMARY KEY (id)
)

CREATE TABLE assessments (
	assessment_id VARCHAR(50) NOT NULL,
	trace_id VARCHAR(50) NOT NULL,
	name VARCHAR(250) NOT NULL,
	assessment_type VARCHAR(20) NOT NULL,
	value TEXT NOT NULL,
	error TEXT,
	created_timestamp BIGINT NOT NULL,
	last_updated_timestamp BIGINT NOT NULL,
	source_type VARCHAR(50) NOT NULL,
	source_id VARCHAR(250),
	run_id VARCHAR(32),
	span_id VARCHAR(50),
	rationale TEXT,
	overrides VARCHAR(50),
	valid BOOLEAN NOT NULL,
	assessment_metadata TEXT,
	CONSTRAINT assessments_pk PRIMARY KEY (assessment_id),
	CONSTRAINT fk_assessments_trace_id FOREIGN KEY(trace_id) REFERENCES trace_info (request_id) ON DELETE CASCADE
)

CREATE TABLE spans (
	trace_id VARCHAR(50) NOT NULL,
	experiment_id INTEGER NOT NULL,
	span_id VARCHAR(50) NOT NULL,
	parent_span_id VARCHAR(50),
	name TEXT,
	type VARCHAR(500),
	status VARCHAR(50) NOT NULL,
	start_time_unix_nano BIGINT NOT NULL,
	end_time_unix_nano BIGINT,
	duration_ns BIGINT GENERATED ALWAYS AS (end_time_unix_nano - start_time_unix_nano) STORED,
	content TEXT NOT NULL,
	CONSTRAINT spans_pk PRIMARY KEY (trace_id, span_id),
	CONSTRAINT fk_spans_trace_id FOREIGN KEY(trace_id) REFERENCES trace_info (request_id) ON DELETE CASCADE,
	CONSTRAINT fk_spans_experiment_id FOREIGN KEY(experiment_id) REFERENCES experiments (experiment_id)
)

CREATE TABLE _alembic_tmp_experiments (
	experiment_id INTEGER NOT NULL,
	name VARCHAR(256) NOT NULL,
	artifact_location VARCHAR(256),
	lifecycle_stage VARCHAR(32),
	creation_time BIGINT,
	last_update_time BIGINT,
	workspace VARCHAR(63) DEFAULT 'default' NOT NULL,
	CONSTRAINT experiment_pk PRIMARY KEY (experiment_id),
	CONSTRAINT uq_experiments_workspace_name UNIQUE (workspace, name),
	CONSTRAINT experiments_lifecycle_stage CHECK (lifecycle_stage IN ('active', 'deleted'))
)

INSERT INTO _alembic_tmp_experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time) SELECT experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time FROM experiments

DROP TABLE experiments

ALTER TABLE _alembic_tmp_experiments RENAME TO experiments

CREATE INDEX idx_experiments_workspace ON experiments (workspace)

CREATE INDEX idx_experiments_workspace_creation_time ON experiments (workspace, creation_time)

INSERT INTO workspaces (name, description) VALUES ('default', 'Default workspace for legacy resources')

UPDATE alembic_version SET version_num = '1b5f0d9ad7c1'
