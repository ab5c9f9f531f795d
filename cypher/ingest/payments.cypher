// New payouts (see listings.cypher for the create path). Accounts are keyed by fingerprint; the raw
// number never reaches the database. A shop's PAID_TO link may already exist from an earlier payout.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
CREATE (p:Payment {id: f[0], createdBy: $importId, amount: toFloat(f[7]), currency: f[8], paidAt: datetime(f[9])})
MERGE (a:PaymentAccount {key: f[2]})
  ON CREATE SET a.kind = f[3], a.last4 = f[4], a.masked = f[5], a.provider = f[6]
MERGE (s:Shop {id: f[1]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
CREATE (s)-[:RECEIVED]->(p)
CREATE (p)-[:TO]->(a)
MERGE (s)-[:PAID_TO]->(a)
