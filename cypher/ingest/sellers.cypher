// One seller with its identifiers. FOREACH, not UNWIND, so a seller without phones still gets written.
UNWIND $rows AS r
MERGE (s:Seller {id: r.id})
  ON CREATE SET s.createdBy = $importId
SET s.name = r.name, s.country = r.country, s.registeredAt = datetime(r.registeredAt), s.placeholder = null
MERGE (k:KycDocument {key: r.kyc.key})
  ON CREATE SET k.last4 = r.kyc.last4, k.masked = r.kyc.masked
MERGE (s)-[:HAS_KYC]->(k)
FOREACH (p IN r.phones |
  MERGE (ph:Phone {key: p.key}) ON CREATE SET ph.display = p.display
  MERGE (s)-[:HAS_PHONE]->(ph))
FOREACH (e IN r.emails |
  MERGE (em:Email {key: e.key}) ON CREATE SET em.display = e.display
  MERGE (s)-[:HAS_EMAIL]->(em))
FOREACH (d IN r.devices |
  MERGE (dv:Device {key: d})
  MERGE (s)-[:USES_DEVICE]->(dv))
RETURN count(*) AS rows, count(CASE WHEN s.createdBy = $importId THEN 1 END) AS created
