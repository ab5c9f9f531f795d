// What happened to a shop, for its page: payouts per currency, and the dated events of its timeline
// (brand reports on its listings, the clusters runs put it in, shutdowns that targeted it). Capped lists:
// a timeline is read, not exported.
MATCH (s:Shop {id: $id})
RETURN toString(s.openedAt) AS openedAt, toString(s.reinstatedAt) AS reinstatedAt, s.reinstateReason AS reinstateReason,
       COLLECT {
         MATCH (s)-[:RECEIVED]->(p:Payment)
         WITH p.currency AS currency, count(p) AS payments, sum(p.amount) AS total, min(p.paidAt) AS first, max(p.paidAt) AS last
         RETURN {currency: currency, payments: payments, total: total, first: toString(first), last: toString(last)}
       } AS payments,
       COLLECT {
         MATCH (s)-[:LISTS]->(l:Listing)<-[:ABOUT]-(b:BrandReport)
         WITH l, b ORDER BY b.reportedAt DESC LIMIT $cap
         RETURN {at: toString(b.reportedAt), verdict: b.verdict, brand: b.brand, listingId: l.id}
       } AS reports,
       COLLECT {
         MATCH (s)-[m:MEMBER_OF]->(c:Cluster)<-[:FOUND]-(r:DetectionRun)
         WITH m, c, r ORDER BY r.startedAt DESC LIMIT $cap
         RETURN {at: toString(r.startedAt), runId: r.id, clusterId: c.clusterId, risk: c.risk, flagged: c.flagged, confidence: m.confidence}
       } AS clusters,
       COLLECT {
         MATCH (d:Shutdown)-[t:TARGETS]->(s)
         RETURN {id: d.id, status: d.status, proposedAt: toString(d.proposedAt), doneAt: toString(t.doneAt), reinstatedAt: toString(t.reinstatedAt)}
       } AS shutdowns
