-- Human preference: one row per blind pairwise vote between two models' videos of the same input (run + input key).
-- outcome is from the left video's point of view: left | right | tie | both_bad. Votes are rows, so they survive restarts.
CREATE TABLE votes (
    id           TEXT PRIMARY KEY,
    created_at   BIGINT NOT NULL,
    run_id       TEXT NOT NULL,
    input_key    TEXT NOT NULL,
    left_job_id  TEXT NOT NULL REFERENCES jobs (id),
    right_job_id TEXT NOT NULL REFERENCES jobs (id),
    left_model   TEXT NOT NULL,
    right_model  TEXT NOT NULL,
    outcome      TEXT NOT NULL CHECK (outcome IN ('left', 'right', 'tie', 'both_bad')),
    voter        TEXT
);
CREATE INDEX ix_votes_created ON votes (created_at);
CREATE INDEX ix_votes_models ON votes (left_model, right_model);
