MATCH (r:Report {id: $id})
RETURN r.id AS id, r.status AS status, r.trigger AS trigger, r.attempt AS attempt, toString(r.startedAt) AS startedAt,
       toString(r.finishedAt) AS finishedAt, r.error AS error, r.runId AS runId, r.previousRunId AS previousRunId,
       r.summary AS summary, r.files AS files, r.dir AS dir
