-- A running total per run of what its jobs have cost or may be costing (JobRecord.ChargedUsd: a saved job's cost; the
-- estimate of one being sent, at fal, finished but not saved, or unknown), so a worker taking a slot reads one row
-- instead of summing every job of the run. A trigger keeps it in the same transaction as each change to a job's state
-- or cost; the UPDATE of the run's row waits for any other transaction changing it, so concurrent workers add up
-- exactly. PostgreSQL's trigger syntax; the SQLite file of this version does the same.
ALTER TABLE runs ADD COLUMN committed_usd DOUBLE PRECISION NOT NULL DEFAULT 0;

CREATE OR REPLACE FUNCTION catwalk_job_charged(state TEXT, cost DOUBLE PRECISION, estimate DOUBLE PRECISION) RETURNS DOUBLE PRECISION
LANGUAGE SQL IMMUTABLE AS $$
    SELECT CASE WHEN state = 'downloaded' THEN COALESCE(cost, 0)
                WHEN state IN ('submitting', 'submitted', 'completed', 'unknown') THEN estimate
                ELSE 0 END
$$;

UPDATE runs SET committed_usd = COALESCE((SELECT SUM(catwalk_job_charged(state, cost_usd, estimated_cost_usd)) FROM jobs WHERE jobs.run_id = runs.id), 0);
CREATE INDEX ix_job_slots_run ON job_slots (run_id);

CREATE OR REPLACE FUNCTION catwalk_jobs_committed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    delta DOUBLE PRECISION;
BEGIN
    IF TG_OP = 'UPDATE' AND OLD.run_id = NEW.run_id THEN
        delta := catwalk_job_charged(NEW.state, NEW.cost_usd, NEW.estimated_cost_usd) - catwalk_job_charged(OLD.state, OLD.cost_usd, OLD.estimated_cost_usd);
        IF delta <> 0 THEN
            UPDATE runs SET committed_usd = committed_usd + delta WHERE id = NEW.run_id;
        END IF;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE runs SET committed_usd = committed_usd - catwalk_job_charged(OLD.state, OLD.cost_usd, OLD.estimated_cost_usd) WHERE id = OLD.run_id;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        delta := catwalk_job_charged(NEW.state, NEW.cost_usd, NEW.estimated_cost_usd);
        IF delta <> 0 THEN
            UPDATE runs SET committed_usd = committed_usd + delta WHERE id = NEW.run_id;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER tr_jobs_committed AFTER INSERT OR DELETE OR UPDATE OF state, cost_usd, estimated_cost_usd, run_id ON jobs
    FOR EACH ROW EXECUTE FUNCTION catwalk_jobs_committed();
