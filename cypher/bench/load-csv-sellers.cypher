// Baseline for the ingest benchmark: Neo4j's own LOAD CSV with the loader's MERGE semantics. It cannot
// normalise phones or fingerprint KYC ids, so it merges on lower-cased raw values.
LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  MERGE (s:Seller {id: r.seller_id})
  SET s.name = r.name, s.country = r.country, s.registeredAt = datetime(r.registered_at)
  MERGE (k:KycDocument {key: r.kyc_id})
  MERGE (s)-[:HAS_KYC]->(k)
  FOREACH (p IN CASE WHEN r.phones IS NULL THEN [] ELSE split(r.phones, '|') END |
    MERGE (ph:Phone {key: p}) MERGE (s)-[:HAS_PHONE]->(ph))
  FOREACH (e IN CASE WHEN r.emails IS NULL THEN [] ELSE split(r.emails, '|') END |
    MERGE (em:Email {key: toLower(e)}) MERGE (s)-[:HAS_EMAIL]->(em))
  FOREACH (d IN CASE WHEN r.device_ids IS NULL THEN [] ELSE split(r.device_ids, '|') END |
    MERGE (dv:Device {key: toLower(d)}) MERGE (s)-[:USES_DEVICE]->(dv))
} IN TRANSACTIONS OF $batch ROWS
