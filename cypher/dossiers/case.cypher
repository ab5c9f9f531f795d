// The case that follows the cluster's network (its reference heads every dossier page), with its
// referral and its timeline; appeals upheld on the network's listings and its shops' reinstatements.
CALL () {
  OPTIONAL MATCH (k:Case {clusterId: $clusterId})
  WITH k ORDER BY k.createdAt DESC LIMIT 1
  CALL (k) { OPTIONAL MATCH (k)-[:EVENT]->(e:CaseEvent) WITH e ORDER BY e.at
    RETURN collect(e {.type, .actor, at: toString(e.at), .detail}) AS events }
  RETURN CASE WHEN k IS NULL THEN null ELSE {id: k.id, status: k.status, createdAt: toString(k.createdAt), events: events,
    referral: CASE WHEN k.referredAt IS NULL THEN null ELSE {agency: k.agency, reference: k.reference, date: k.referralDate,
      contact: k.referralContact, recordedBy: k.referredBy, recordedAt: toString(k.referredAt)} END} END AS case
}
CALL () {
  UNWIND $ids AS id
  MATCH (s:Shop {id: id}) WHERE s.reinstatedAt IS NOT NULL
  RETURN collect({shopId: s.id, at: toString(s.reinstatedAt), by: s.reinstatedBy, reason: s.reinstateReason}) AS reinstatements
}
CALL () {
  UNWIND $ids AS id
  MATCH (s:Shop {id: id})-[:LISTS]->(l:Listing)
  MATCH (t:Takedown {listingId: l.id}) WHERE t.appealedAt IS NOT NULL
  RETURN collect({listingId: l.id, shopId: s.id, at: toString(t.appealedAt), by: t.appealedBy, note: t.appealNote}) AS appeals
}
RETURN case, reinstatements, appeals
