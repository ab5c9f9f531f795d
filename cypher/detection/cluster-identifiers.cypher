// The identifiers two or more members of each cluster share, worked out once when the run is written so
// the first read of a cluster's graph is one lookup (clusters/detail). The same facts, kinds and counts
// as evidence/shared-identifiers gives for the members live; grouped per identifier before counting
// its shops overall, so a hub is counted once per cluster, not once per member using it.
UNWIND $keys AS key
MATCH (c:Cluster {key: key})
CALL (c) {
  MATCH (c)<-[:MEMBER_OF]-(s:Shop)-[:PAID_TO]->(x:PaymentAccount)
  WITH x, collect(DISTINCT s.id) AS shops
  WHERE size(shops) >= 2
  RETURN x, 'account' AS kind, x.masked AS label, COUNT { (x)<-[:PAID_TO]-(:Shop) } AS shopCount, shops
  UNION ALL
  MATCH (c)<-[:MEMBER_OF]-(s:Shop)-[h:HAS_ADDRESS]->(x:Address)
  WITH x, h.kind AS kind, collect(DISTINCT s.id) AS shops
  WHERE size(shops) >= 2
  RETURN x, kind, x.text AS label, COUNT { MATCH (x)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } AS shopCount, shops
  UNION ALL
  MATCH (c)<-[:MEMBER_OF]-(s:Shop)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone)
  WITH x, collect(DISTINCT s.id) AS shops
  WHERE size(shops) >= 2
  RETURN x, 'phone' AS kind, x.key AS label, COUNT { (x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount, shops
  UNION ALL
  MATCH (c)<-[:MEMBER_OF]-(s:Shop)<-[:OWNS]-(:Seller)-[:HAS_EMAIL]->(x:Email)
  WITH x, collect(DISTINCT s.id) AS shops
  WHERE size(shops) >= 2
  RETURN x, 'email' AS kind, x.key AS label, COUNT { (x)<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount, shops
  UNION ALL
  MATCH (c)<-[:MEMBER_OF]-(s:Shop)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device)
  WITH x, collect(DISTINCT s.id) AS shops
  WHERE size(shops) >= 2
  RETURN x, 'device' AS kind, x.key AS label, COUNT { (x)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount, shops
  UNION ALL
  MATCH (c)<-[:MEMBER_OF]-(s:Shop)<-[:OWNS]-(:Seller)-[:HAS_KYC]->(x:KycDocument)
  WITH x, collect(DISTINCT s.id) AS shops
  WHERE size(shops) >= 2
  RETURN x, 'kyc' AS kind, x.masked AS label, COUNT { (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount, shops
}
WITH key, kind, x, label, shopCount, shops
ORDER BY size(shops) DESC, kind, label, x.key
RETURN key, collect({kind: kind, key: x.key, label: label,
  place: CASE WHEN x:Address THEN {city: x.city, region: x.region, country: x.country} END, shopCount: shopCount, shops: shops}) AS identifiers
