// A shop with its seller, activity counts and its cluster in the latest completed detection run.
MATCH (s:Shop {id: $id})
OPTIONAL MATCH (u:Seller)-[:OWNS]->(s)
CALL (s) {
  OPTIONAL MATCH (r:DetectionRun {status: 'completed'})
  WITH r ORDER BY r.startedAt DESC LIMIT 1
  OPTIONAL MATCH (s)-[m:MEMBER_OF {runId: r.id}]->(c:Cluster)
  RETURN c.clusterId AS clusterId, c.risk AS clusterRisk, m.confidence AS confidence
}
RETURN s.id AS id, s.name AS name, s.status AS status, s.category AS category, toString(s.openedAt) AS openedAt,
       coalesce(s.placeholder, false) AS placeholder, u.id AS sellerId, u.name AS sellerName, u.country AS sellerCountry,
       COUNT { (s)-[:LISTS]->(:Listing) } AS listings,
       COUNT { (s)-[:LISTS]->(:Listing)<-[:ABOUT]-(:BrandReport {verdict: 'counterfeit'}) } AS counterfeitReports,
       clusterId, clusterRisk, confidence
