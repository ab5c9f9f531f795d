CREATE (r:Report {id: $id, kind: 'nightly', status: 'running', trigger: $trigger, attempt: $attempt, startedAt: datetime()})
RETURN toString(r.startedAt) AS startedAt
