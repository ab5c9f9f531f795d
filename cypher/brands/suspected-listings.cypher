// A brand's listings sold by shops in flagged clusters of the latest completed run: what a brand owner
// is asked to confirm or clear. Brand owners see listings, prices and verdicts, not the evidence graph.
// The run's typical prices (JSON text, brand → 90th price percentile) come along: the price comparison.
OPTIONAL MATCH (r:DetectionRun {status: 'completed'})
WITH r ORDER BY r.startedAt DESC LIMIT 1
MATCH (l:Listing {brand: $brand})<-[:LISTS]-(s:Shop)-[:MEMBER_OF {runId: r.id}]->(c:Cluster {flagged: true})
WITH r, l, s, c
ORDER BY c.risk DESC, l.id
WITH r.typicalPrices AS typicalPrices, collect({l: l, s: s, c: c}) AS found
CALL (found) {
  UNWIND found[$skip..$skip + $limit] AS row
  WITH row.l AS l, row.s AS s, row.c AS c
  RETURN collect({
    listingId: l.id, title: l.title, price: l.price, currency: l.currency, status: l.status,
    shopId: s.id, shopName: s.name, clusterId: c.clusterId, clusterRisk: c.risk,
    verdicts: [(l)<-[:ABOUT]-(br:BrandReport) | {verdict: br.verdict, reporter: br.reporter, reportedAt: toString(br.reportedAt)}]
  }) AS items
}
RETURN size(found) AS total, items, typicalPrices
