// Loads that finished after the latest completed detection run started: their new shops are the ones
// detection has not seen yet.
OPTIONAL MATCH (r:DetectionRun {status: 'completed'})
WITH max(r.startedAt) AS since
MATCH (i:Import)
WHERE since IS NULL OR i.startedAt >= since
RETURN collect(i.id) AS imports
