OPTIONAL MATCH (r:DetectionRun {status: 'completed'})
WITH r ORDER BY r.startedAt DESC LIMIT 1
RETURN r.id AS runId
