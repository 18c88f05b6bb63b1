-- A running total per run of what its jobs have cost or may be costing (JobRecord.ChargedUsd: a saved job's cost; the
-- estimate of one being sent, at fal, finished but not saved, or unknown), so a worker taking a slot reads one row
-- instead of summing every job of the run. Triggers keep it in the same transaction as each change to a job's state
-- or cost: every writer (runs, workers, imports) is counted without having to remember to. SQLite's trigger syntax;
-- the PostgreSQL file of this version does the same.
ALTER TABLE runs ADD COLUMN committed_usd DOUBLE PRECISION NOT NULL DEFAULT 0;
UPDATE runs SET committed_usd = COALESCE((SELECT SUM(CASE WHEN state = 'downloaded' THEN COALESCE(cost_usd, 0)
                                                          WHEN state IN ('submitting', 'submitted', 'completed', 'unknown') THEN estimated_cost_usd
                                                          ELSE 0 END) FROM jobs WHERE jobs.run_id = runs.id), 0);
CREATE INDEX ix_job_slots_run ON job_slots (run_id);

CREATE TRIGGER tr_jobs_committed_insert AFTER INSERT ON jobs
WHEN (CASE WHEN NEW.state = 'downloaded' THEN COALESCE(NEW.cost_usd, 0) WHEN NEW.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN NEW.estimated_cost_usd ELSE 0 END) <> 0
BEGIN
    UPDATE runs SET committed_usd = committed_usd + (CASE WHEN NEW.state = 'downloaded' THEN COALESCE(NEW.cost_usd, 0) WHEN NEW.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN NEW.estimated_cost_usd ELSE 0 END) WHERE id = NEW.run_id;
END;

CREATE TRIGGER tr_jobs_committed_update AFTER UPDATE OF state, cost_usd, estimated_cost_usd, run_id ON jobs
WHEN (CASE WHEN NEW.state = 'downloaded' THEN COALESCE(NEW.cost_usd, 0) WHEN NEW.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN NEW.estimated_cost_usd ELSE 0 END) <> (CASE WHEN OLD.state = 'downloaded' THEN COALESCE(OLD.cost_usd, 0) WHEN OLD.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN OLD.estimated_cost_usd ELSE 0 END) OR NEW.run_id <> OLD.run_id
BEGIN
    UPDATE runs SET committed_usd = committed_usd - (CASE WHEN OLD.state = 'downloaded' THEN COALESCE(OLD.cost_usd, 0) WHEN OLD.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN OLD.estimated_cost_usd ELSE 0 END) WHERE id = OLD.run_id;
    UPDATE runs SET committed_usd = committed_usd + (CASE WHEN NEW.state = 'downloaded' THEN COALESCE(NEW.cost_usd, 0) WHEN NEW.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN NEW.estimated_cost_usd ELSE 0 END) WHERE id = NEW.run_id;
END;

CREATE TRIGGER tr_jobs_committed_delete AFTER DELETE ON jobs
BEGIN
    UPDATE runs SET committed_usd = committed_usd - (CASE WHEN OLD.state = 'downloaded' THEN COALESCE(OLD.cost_usd, 0) WHEN OLD.state IN ('submitting', 'submitted', 'completed', 'unknown') THEN OLD.estimated_cost_usd ELSE 0 END) WHERE id = OLD.run_id;
END;
