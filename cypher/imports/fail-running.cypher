// An import this process was loading when the load stopped without recording why (the database went
// away under it): marked failed with the reason once the database is back, unless its outcome got
// recorded meanwhile.
MATCH (i:Import {id: $id, status: 'running'})
SET i.status = 'failed', i.finishedAt = datetime(), i.error = $error
RETURN i.id AS id
