-- Runs and their jobs. Portable SQL: the same text creates the schema in SQLite and in PostgreSQL.
-- Times are unix milliseconds (UTC) so both engines sort and filter them alike; money and seconds are doubles.
CREATE TABLE runs (
    id                 TEXT PRIMARY KEY,
    kind               TEXT NOT NULL,             -- run | video | image | batch | import
    name               TEXT,
    status             TEXT NOT NULL,             -- running | completed | partial | failed | interrupted
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    finished_at        BIGINT,
    emulated           INTEGER NOT NULL DEFAULT 0,
    output_root        TEXT NOT NULL,
    estimated_cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
    budget_usd         DOUBLE PRECISION,
    spec_json          TEXT                       -- what was asked, so `catwalk resume` can finish it
);
CREATE INDEX ix_runs_created ON runs (created_at);

CREATE TABLE jobs (
    id                 TEXT PRIMARY KEY,
    run_id             TEXT NOT NULL REFERENCES runs (id),
    stage              TEXT NOT NULL,             -- image | video
    model_key          TEXT NOT NULL,
    endpoint_id        TEXT NOT NULL,
    input_key          TEXT NOT NULL,             -- which look (and duration) in the run
    look_id            TEXT,
    person_id          TEXT,
    outfit_id          TEXT,
    setting_id         TEXT,
    requested_duration INTEGER,
    state              TEXT NOT NULL,             -- planned | submitting | submitted | completed | downloaded | failed | cancelled | unknown
    request_id         TEXT,
    cache_key          TEXT,
    cached_from_job_id TEXT,
    estimated_cost_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
    cost_usd           DOUBLE PRECISION,          -- what this job paid (0 for a cache hit)
    queue_sec          DOUBLE PRECISION,
    inference_sec      DOUBLE PRECISION,
    download_sec       DOUBLE PRECISION,
    latency_sec        DOUBLE PRECISION,
    duration_sec       DOUBLE PRECISION,
    created_at         BIGINT NOT NULL,
    updated_at         BIGINT NOT NULL,
    submitted_at       BIGINT,
    completed_at       BIGINT,
    error              TEXT,
    file_path          TEXT,
    file_sha256        TEXT,
    file_bytes         BIGINT,
    content_type       TEXT,
    metadata_path      TEXT,
    metadata_json      TEXT,
    arguments_json     TEXT,                      -- what was sent to fal (media URLs elided), recorded before sending
    result_json        TEXT,
    prompt             TEXT,
    emulated           INTEGER NOT NULL DEFAULT 0,
    source             TEXT NOT NULL DEFAULT 'catwalk',   -- catwalk | import
    import_key         TEXT,
    UNIQUE (run_id, stage, model_key, input_key)
);
CREATE INDEX ix_jobs_run ON jobs (run_id);
CREATE INDEX ix_jobs_state ON jobs (state);
CREATE INDEX ix_jobs_model ON jobs (model_key, created_at);
CREATE INDEX ix_jobs_cache ON jobs (cache_key, state);
CREATE UNIQUE INDEX ux_jobs_request ON jobs (endpoint_id, request_id);
CREATE UNIQUE INDEX ux_jobs_import ON jobs (import_key);
