// A person moves a case. Locked before the status is read: of concurrent moves from one status, one wins.
MATCH (k:Case {id: $id})
SET k._lock = true
REMOVE k._lock
WITH k, k.status AS before
WHERE before = $from
SET k.status = $to, k.statusReason = $reason, k.agency = coalesce($agency, k.agency), k.reference = coalesce($reference, k.reference),
    k.updatedAt = datetime()
CREATE (k)-[:EVENT]->(:CaseEvent {at: datetime(), type: 'status', actor: $actor,
  detail: before + ' → ' + $to + CASE WHEN $reason IS NULL THEN '' ELSE ': ' + $reason END})
RETURN before
