-- Every state change of a job, in order: the live view and post-mortems read it.
CREATE TABLE job_events (
    job_id   TEXT NOT NULL REFERENCES jobs (id),
    seq      INTEGER NOT NULL,
    at       BIGINT NOT NULL,
    state    TEXT NOT NULL,
    detail   TEXT,
    PRIMARY KEY (job_id, seq)
);
