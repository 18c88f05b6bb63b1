-- Scale-out (catwalk worker): a job being worked on holds a slot, so limits hold across every worker process that
-- shares this database. A slot names its endpoint (per-endpoint concurrency), the budget it reserved before its job
-- is sent, and its owner; a slot whose owner stopped renewing it (a worker that died) expires and counts no more.
CREATE TABLE job_slots (
    job_id       TEXT PRIMARY KEY REFERENCES jobs (id),
    run_id       TEXT NOT NULL,
    endpoint_id  TEXT NOT NULL,
    owner        TEXT NOT NULL,
    reserved_usd DOUBLE PRECISION NOT NULL DEFAULT 0,
    acquired_at  BIGINT NOT NULL,
    expires_at   BIGINT NOT NULL
);
CREATE INDEX ix_job_slots_endpoint ON job_slots (endpoint_id, expires_at);
CREATE INDEX ix_job_slots_owner ON job_slots (owner);
CREATE INDEX ix_jobs_completed ON jobs (completed_at);
