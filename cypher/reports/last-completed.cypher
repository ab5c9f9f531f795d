// Where the next report starts counting from: the last completed report (or nothing: since ever).
OPTIONAL MATCH (r:Report {status: 'completed'})
WITH r ORDER BY r.startedAt DESC LIMIT 1
RETURN toString(r.startedAt) AS since
