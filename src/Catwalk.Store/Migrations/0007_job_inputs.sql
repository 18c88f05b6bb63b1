-- A run is a graph of jobs: each job names the job whose output it consumes (a video, its look's image), planned once
-- and stored, so every engine (one process or many workers) walks the same graph instead of deriving it again.
-- Runs stored before this read the same: a video's input is its look's image job.
ALTER TABLE jobs ADD COLUMN input_job_id TEXT;
UPDATE jobs SET input_job_id = (
    SELECT i.id FROM jobs i WHERE i.run_id = jobs.run_id AND i.stage = 'image' AND i.look_id = jobs.look_id LIMIT 1)
WHERE stage = 'video' AND look_id IS NOT NULL;
