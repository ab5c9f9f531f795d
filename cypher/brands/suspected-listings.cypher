// A brand's listings sold by shops in flagged clusters of the latest completed run: what a brand owner
// is asked to confirm or clear. Brand owners see listings, prices and verdicts, not the evidence graph.
// Each listing's price is set against comparable listings: the brand's listings in the same currency, at
// their 90th price percentile (the median would not do: where fakes flood a brand, most of its listings
// are fakes and the median is their price). Prices in different currencies are never compared.
OPTIONAL MATCH (r:DetectionRun {status: 'completed'})
WITH r ORDER BY r.startedAt DESC LIMIT 1
OPTIONAL MATCH (l:Listing {brand: $brand})<-[:LISTS]-(s:Shop)-[:MEMBER_OF {runId: r.id}]->(c:Cluster {flagged: true})
WITH l, s, c
ORDER BY c.risk DESC, l.id
// One row even when nothing matches: the page is then empty, not missing.
WITH collect(CASE WHEN c IS NOT NULL THEN {l: l, s: s, c: c} END) AS found
CALL () {
  MATCH (o:Listing {brand: $brand})
  WHERE o.price IS NOT NULL
  WITH coalesce(o.currency, '') AS currency, percentileCont(o.price, 0.9) AS typical, count(*) AS n
  RETURN collect({currency: currency, typical: typical, n: n}) AS prices
}
CALL (found, prices) {
  UNWIND found[$skip..$skip + $limit] AS row
  WITH row.l AS l, row.s AS s, row.c AS c, [p IN prices WHERE p.currency = coalesce(row.l.currency, '')][0] AS comparable
  RETURN collect({
    listingId: l.id, title: l.title, price: l.price, currency: l.currency, status: l.status,
    shopId: s.id, shopName: s.name, clusterId: c.clusterId, clusterRisk: c.risk,
    typicalPrice: comparable.typical, comparableListings: coalesce(comparable.n, 0),
    verdicts: [(l)<-[:ABOUT]-(br:BrandReport) | {verdict: br.verdict, reporter: br.reporter, reportedAt: toString(br.reportedAt)}]
  }) AS items
}
RETURN size(found) AS total, items
