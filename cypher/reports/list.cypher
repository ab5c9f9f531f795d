MATCH (r:Report)
WITH r ORDER BY r.startedAt DESC
WITH collect(r) AS found
RETURN size(found) AS total,
       [r IN found[$skip..$skip + $limit] | {id: r.id, status: r.status, trigger: r.trigger, attempt: r.attempt,
         startedAt: toString(r.startedAt), finishedAt: toString(r.finishedAt), error: r.error, runId: r.runId, summary: r.summary}] AS items
