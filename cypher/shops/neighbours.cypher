// One step of a neighbourhood walk: the identifiers the given shops use and, unless an identifier is
// a hub (shared by more shops than the threshold), the other shops that use it, capped per identifier.
UNWIND $shops AS id
MATCH (s:Shop {id: id})
CALL (s) {
  MATCH (s)-[:PAID_TO]->(x:PaymentAccount)
  RETURN x, 'account' AS kind, x.masked AS label, COUNT { (x)<-[:PAID_TO]-(:Shop) } AS shopCount,
         [(x)<-[:PAID_TO]-(o:Shop) | o.id] AS users
  UNION ALL
  MATCH (s)-[h:HAS_ADDRESS]->(x:Address)
  RETURN x, h.kind AS kind, x.text AS label, COUNT { MATCH (x)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } AS shopCount,
         [(x)<-[:HAS_ADDRESS]-(o:Shop) | o.id] AS users
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone)
  RETURN x, 'phone' AS kind, x.key AS label, COUNT { (x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount,
         [(x)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(o:Shop) | o.id] AS users
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_EMAIL]->(x:Email)
  RETURN x, 'email' AS kind, x.key AS label, COUNT { (x)<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount,
         [(x)<-[:HAS_EMAIL]-(:Seller)-[:OWNS]->(o:Shop) | o.id] AS users
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device)
  RETURN x, 'device' AS kind, x.key AS label, COUNT { (x)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount,
         [(x)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(o:Shop) | o.id] AS users
  UNION ALL
  MATCH (s)<-[:OWNS]-(:Seller)-[:HAS_KYC]->(x:KycDocument)
  RETURN x, 'kyc' AS kind, x.masked AS label, COUNT { (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(:Shop) } AS shopCount,
         [(x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(o:Shop) | o.id] AS users
}
WITH x, kind, label, shopCount, users, collect(DISTINCT s.id) AS from
// A shop can reach an identifier twice (one address as dispatch and as return): count each shop once.
// Hubs are not walked through, so only their (approximate) size is needed.
WITH x, kind, label, from, shopCount > $hubThreshold AS hub,
     CASE WHEN shopCount > $hubThreshold THEN [] ELSE reduce(acc = [], u IN users | CASE WHEN u IN acc THEN acc ELSE acc + u END) END AS distinctUsers, shopCount
WITH x, kind, label, from, CASE WHEN hub THEN shopCount ELSE size(distinctUsers) END AS shopCount, [u IN distinctUsers WHERE NOT u IN from] AS others
// An address's place lets a redacted view show where it is without the street.
RETURN kind, x.key AS key, label, CASE WHEN x:Address THEN {city: x.city, region: x.region, country: x.country} END AS place,
       shopCount, from, size(others) AS otherCount, others[..$perIdentifier] AS others
