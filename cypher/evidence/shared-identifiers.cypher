// Identifiers that two or more of the given shops share, with how many shops use each overall
// (hubs and the discount for wide sharing are judged on that).
UNWIND $shops AS id
MATCH (s:Shop {id: id})
CALL (s) {
  MATCH (s)-[:PAID_TO]->(x:PaymentAccount)
  RETURN x, 'account' AS kind, x.masked AS label, COUNT { (x)<-[:PAID_TO]-(:Shop) } AS shopCount
  UNION ALL
  MATCH (s)-[h:HAS_ADDRESS]->(x:Address)
  // A shop using one address for dispatch and returns is one shop: count distinct shops, as detection does.
  RETURN x, h.kind AS kind, x.text AS label, COUNT { MATCH (x)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } AS shopCount
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone)
  RETURN x, 'phone' AS kind, x.key AS label, COUNT { (x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_EMAIL]->(x:Email)
  RETURN x, 'email' AS kind, x.key AS label, COUNT { (x)<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device)
  RETURN x, 'device' AS kind, x.key AS label, COUNT { (x)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_KYC]->(x:KycDocument)
  RETURN x, 'kyc' AS kind, x.masked AS label, COUNT { (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount
}
WITH x, kind, label, shopCount, collect(DISTINCT s.id) AS shops
WHERE size(shops) >= 2
// An address's place lets a redacted view show where it is without the street.
RETURN kind, x.key AS key, label, CASE WHEN x:Address THEN {city: x.city, region: x.region, country: x.country} END AS place, shopCount, shops
ORDER BY size(shops) DESC, kind, label, key
