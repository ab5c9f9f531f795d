// A running load's counts as its batches settle (written and committed, or rejected), and its proof of
// life, so a killed load can be told apart from a slow one. A finished record is left as it is.
MATCH (i:Import {id: $id})
WHERE i.status = 'running'
SET i.heartbeatAt = datetime(), i.read = $counts.read, i.accepted = $counts.accepted, i.rejected = $counts.rejected,
    i.created = $counts.created, i.updated = $counts.updated, i.moved = $counts.moved
