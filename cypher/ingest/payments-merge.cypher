// Payouts that may exist: the all-MERGE form of payments.cypher.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (p:Payment {id: f[0]})
  ON CREATE SET p.createdBy = $importId
SET p.amount = toFloat(f[7]), p.currency = f[8], p.paidAt = datetime(f[9])
MERGE (a:PaymentAccount {key: f[2]})
  ON CREATE SET a.kind = f[3], a.last4 = f[4], a.masked = f[5], a.provider = f[6]
MERGE (s:Shop {id: f[1]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[:RECEIVED]->(p)
MERGE (p)-[:TO]->(a)
MERGE (s)-[:PAID_TO]->(a)
RETURN count(*) AS rows, count(CASE WHEN p.createdBy = $importId THEN 1 END) AS created
