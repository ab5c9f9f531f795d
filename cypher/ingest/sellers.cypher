// A seller and its identity document. Phones, emails and devices follow in flat statements of their
// own (seller-phones, seller-emails, seller-devices) in the same transaction: measured 1.5× faster
// than MERGEs inside FOREACH. Rows arrive as lines (see row-lines.ts): id, name, country,
// registeredAt, kyc key, kyc last4, kyc masked.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (s:Seller {id: f[0]})
  ON CREATE SET s.createdBy = $importId
SET s.name = f[1], s.country = f[2], s.registeredAt = datetime(f[3]), s.placeholder = null
MERGE (k:KycDocument {key: f[4]})
  ON CREATE SET k.last4 = f[5], k.masked = f[6]
MERGE (s)-[:HAS_KYC]->(k)
RETURN count(*) AS rows, count(CASE WHEN s.createdBy = $importId THEN 1 END) AS created
