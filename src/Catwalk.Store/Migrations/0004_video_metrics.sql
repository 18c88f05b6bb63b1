-- Each video's automatic quality metrics (Catwalk.Quality: spec, faithfulness, flicker, motion, defects) as JSON,
-- measured after download or later by `catwalk metrics`. Null until measured.
ALTER TABLE jobs ADD COLUMN metrics_json TEXT;
