// The four-eyes flow moves the case of the shutdown's network (proposed, rejected, executed). The case is
// the one linked to the shutdown, else the one following its network; locked before its status is read.
MATCH (x:Shutdown {id: $shutdownId})
OPTIONAL MATCH (x)<-[:HAS_SHUTDOWN]-(linked:Case)
OPTIONAL MATCH (following:Case {clusterId: x.clusterId}) WHERE following.status <> 'merged'
WITH x, coalesce(linked, following) AS k
WHERE k IS NOT NULL
SET k._lock = true
REMOVE k._lock
WITH x, k, k.status AS before
WHERE before IN $from
SET k.status = $to, k.updatedAt = datetime(), k.statusReason = $reason
MERGE (k)-[:HAS_SHUTDOWN]->(x)
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'status', actor: $actor, detail: before + ' → ' + $to + ': ' + $reason})
// A change of a case: the inbox reads its rows again (see version.cypher).
MERGE (v:Sequence {name: 'case-version'})
  ON CREATE SET v.next = 1
  ON MATCH SET v.next = v.next + 1
RETURN k.id AS caseId, before
