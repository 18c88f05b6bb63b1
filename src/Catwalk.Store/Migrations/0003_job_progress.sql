-- fal's own progress of a job while it is at fal, for the live views: its queue position while queued, since when
-- it has been running, and its last log lines (a JSON array of at most 20 strings). Written throttled, not journalled.
ALTER TABLE jobs ADD COLUMN queue_position INTEGER;
ALTER TABLE jobs ADD COLUMN running_since BIGINT;
ALTER TABLE jobs ADD COLUMN last_logs TEXT;
