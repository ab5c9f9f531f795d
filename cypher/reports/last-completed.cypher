// Where the next report starts counting from: the last completed report (or nothing: since ever). Its
// start for what people and loads did; its end for what detection runs made, since its own run's new
// cases, re-openings and regrowth alerts were already in it.
OPTIONAL MATCH (r:Report {status: 'completed'})
WITH r ORDER BY r.startedAt DESC LIMIT 1
RETURN toString(r.startedAt) AS since, toString(r.finishedAt) AS runsSince
