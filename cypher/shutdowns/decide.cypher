// Four eyes, enforced where the state changes: only a pending proposal, only by someone else. A
// concurrent decision finds the status already changed and matches nothing.
MATCH (x:Shutdown {id: $id})
WHERE x.status = 'proposed' AND x.proposedBy <> $actor
SET x.status = $status, x.decidedBy = $actor, x.decidedAt = datetime(), x.decisionNote = $note
WITH x
OPTIONAL MATCH (x)-[:FOR_CLUSTER]->(c:Cluster)
FOREACH (_ IN CASE WHEN $status = 'rejected' AND c IS NOT NULL THEN [1] ELSE [] END | SET c.status = 'open')
RETURN x.id AS id
