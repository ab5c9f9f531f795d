// An appeal upheld: the shop comes back with the listings its shutdown delisted (not ones delisted
// for other reasons), and the shutdown's record shows the reinstatement.
MATCH (s:Shop {id: $id})
WHERE s.status = 'suspended'
WITH s, s.suspendedBy AS shutdownId, s.status AS before
CALL (s, shutdownId) {
  OPTIONAL MATCH (s)-[:LISTS]->(l:Listing) WHERE shutdownId IS NOT NULL AND l.delistedBy = shutdownId
  SET l.status = 'active', l.delistedBy = null
  RETURN count(l) AS relisted
}
CALL (s, shutdownId) {
  OPTIONAL MATCH (:Shutdown {id: shutdownId})-[t:TARGETS]->(s)
  SET t.reinstatedAt = datetime(), t.reinstatedBy = $actor
}
SET s.status = 'active', s.suspendedBy = null, s.suspendedAt = null, s.reinstatedAt = datetime(), s.reinstatedBy = $actor,
    s.reinstateReason = $reason
RETURN before, shutdownId, relisted
