-- fal as it is. A job's send: when it began and the start deadline it carried (x-fal-request-timeout), so a job left
-- unknown (the process stopped between sending and fal's answer) can be looked up in fal's request history and
-- decided: adopted, sent again (its deadline passed unstarted: never billed), or still unknown until the deadline.
ALTER TABLE jobs ADD COLUMN send_started_at BIGINT;
ALTER TABLE jobs ADD COLUMN start_deadline_sec DOUBLE PRECISION;
-- What fal billed for the job (report --billed), when that was fetched, and from where (billing_events | usage).
ALTER TABLE jobs ADD COLUMN billed_usd DOUBLE PRECISION;
ALTER TABLE jobs ADD COLUMN billed_at BIGINT;
ALTER TABLE jobs ADD COLUMN billed_source TEXT;
-- A reference picture uploaded to fal's storage once, by content: later runs and other workers reuse its URL until
-- the expiry Catwalk asked for (X-Fal-Object-Lifecycle); storage is the storage service's base URL (fal or an emulator).
CREATE TABLE reference_uploads (
    storage      TEXT NOT NULL,
    sha256       TEXT NOT NULL,
    url          TEXT NOT NULL,
    content_type TEXT,
    bytes        BIGINT,
    uploaded_at  BIGINT NOT NULL,
    expires_at   BIGINT,
    PRIMARY KEY (storage, sha256)
);
