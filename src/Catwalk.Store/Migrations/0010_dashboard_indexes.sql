-- For the dashboard's aggregates over a large store (IJobStatistics): the filter bar's SELECT DISTINCTs read an index
-- instead of every row, and the latency percentiles' window reads the saved, fresh latencies already in order per model
-- (a partial index: both engines use it when the query repeats its WHERE terms, as SqlJobStatistics does).
CREATE INDEX ix_jobs_stage_model ON jobs (stage, model_key);
CREATE INDEX ix_jobs_person ON jobs (person_id);
CREATE INDEX ix_jobs_outfit ON jobs (outfit_id);
CREATE INDEX ix_jobs_fresh_latency ON jobs (stage, model_key, latency_sec)
    WHERE state = 'downloaded' AND cached_from_job_id IS NULL AND latency_sec IS NOT NULL;
