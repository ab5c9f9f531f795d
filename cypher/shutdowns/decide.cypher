// Four eyes, enforced where the state changes: only a pending proposal, only by someone else.
// The write lock is taken before the status is read (SET then REMOVE of a marker): a MATCH ... WHERE
// alone reads the status unlocked, so N concurrent decisions all saw 'proposed' and all won. With the
// lock first, the others wait, then read the decided status and match nothing.
MATCH (x:Shutdown {id: $id})
SET x._lock = true
REMOVE x._lock
WITH x
WHERE x.status = 'proposed' AND x.proposedBy <> $actor
SET x.status = $status, x.decidedBy = $actor, x.decidedAt = datetime(), x.decisionNote = $note
WITH x
OPTIONAL MATCH (x)-[:FOR_CLUSTER]->(c:Cluster)
FOREACH (_ IN CASE WHEN $status = 'rejected' AND c IS NOT NULL THEN [1] ELSE [] END | SET c.status = 'open')
RETURN x.id AS id
