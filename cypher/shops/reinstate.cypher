// An appeal upheld: the shop comes back with the listings its shutdown delisted (not ones delisted
// for other reasons), and the shutdown's record shows the reinstatement. The write lock is taken before
// the status is read, so of concurrent reinstatements one wins and the others find the shop active.
MATCH (s:Shop {id: $id})
SET s._lock = true
REMOVE s._lock
WITH s
WHERE s.status = 'suspended'
WITH s, s.suspendedBy AS shutdownId, s.status AS before
CALL (s, shutdownId) {
  OPTIONAL MATCH (s)-[:LISTS]->(l:Listing) WHERE shutdownId IS NOT NULL AND l.delistedBy = shutdownId
  SET l.status = 'active', l.delistedBy = null
  RETURN count(l) AS relisted
}
CALL (s, shutdownId) {
  OPTIONAL MATCH (:Shutdown {id: shutdownId})-[t:TARGETS]->(s)
  SET t.reinstatedAt = datetime(), t.reinstatedBy = $actor, t.reinstateReason = $reason
}
SET s.status = 'active', s.suspendedBy = null, s.suspendedAt = null, s.reinstatedAt = datetime(), s.reinstatedBy = $actor,
    s.reinstateReason = $reason
RETURN before, shutdownId, relisted
