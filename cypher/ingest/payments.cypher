// A payout to an account. Accounts are keyed by fingerprint; the raw number never reaches the database.
UNWIND $rows AS r
MERGE (p:Payment {id: r.id})
  ON CREATE SET p.createdBy = $importId
SET p.amount = r.amount, p.currency = r.currency, p.paidAt = datetime(r.paidAt)
MERGE (a:PaymentAccount {key: r.account.key})
  ON CREATE SET a.kind = r.account.kind, a.last4 = r.account.last4, a.masked = r.account.masked, a.provider = r.provider
MERGE (s:Shop {id: r.shopId})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[:RECEIVED]->(p)
MERGE (p)-[:TO]->(a)
MERGE (s)-[:PAID_TO]->(a)
RETURN count(*) AS rows, count(CASE WHEN p.createdBy = $importId THEN 1 END) AS created
