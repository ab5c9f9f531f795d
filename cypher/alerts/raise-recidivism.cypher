// Recidivism watch: shops created by loads since the last detection run that share a payout account,
// device, identity document or phone with a shop a shutdown suspended (the kinds with `recidivism: true`
// in libs/kinds, which says why these four). One alert per shop, refreshed on later loads, never duplicated.
UNWIND $imports AS importId
MATCH (n:Shop {createdBy: importId})
WHERE n.suspendedBy IS NULL
CALL (n) {
  MATCH (n)-[:PAID_TO]->(x:PaymentAccount)<-[:PAID_TO]-(o:Shop) WHERE o.suspendedBy IS NOT NULL
  RETURN 'account' AS kind, x.masked AS label, o
  UNION
  MATCH (n)<-[:OWNS]-(:Seller)-[:USES_DEVICE]->(x:Device)<-[:USES_DEVICE]-(:Seller)-[:OWNS]->(o:Shop) WHERE o.suspendedBy IS NOT NULL
  RETURN 'device' AS kind, x.key AS label, o
  UNION
  MATCH (n)<-[:OWNS]-(:Seller)-[:HAS_PHONE]->(x:Phone)<-[:HAS_PHONE]-(:Seller)-[:OWNS]->(o:Shop) WHERE o.suspendedBy IS NOT NULL
  RETURN 'phone' AS kind, x.key AS label, o
  UNION
  MATCH (n)<-[:OWNS]-(:Seller)-[:HAS_KYC]->(x:KycDocument)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(o:Shop) WHERE o.suspendedBy IS NOT NULL
  RETURN 'kyc' AS kind, x.masked AS label, o
}
WITH n, collect(DISTINCT kind + ': ' + label) AS via, collect(DISTINCT o.id) AS formerShops, collect(DISTINCT o.suspendedBy) AS shutdowns
MERGE (a:Alert {key: 'recidivism:' + n.id})
  ON CREATE SET a.id = randomUUID(), a.kind = 'recidivism', a.shopId = n.id, a.raisedAt = datetime(), a.status = 'open'
SET a.via = via, a.formerShops = formerShops, a.shutdownIds = shutdowns, a.updatedAt = datetime()
RETURN a.id AS id, a.shopId AS shopId, a.raisedAt = a.updatedAt AS isNew
