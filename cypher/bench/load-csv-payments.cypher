LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  MERGE (p:Payment {id: r.payment_id})
  SET p.amount = toFloat(r.amount), p.currency = r.currency, p.paidAt = datetime(r.paid_at)
  MERGE (a:PaymentAccount {key: r.account_kind + ':' + replace(replace(toUpper(r.account), ' ', ''), '-', '')})
    ON CREATE SET a.kind = r.account_kind, a.last4 = right(r.account, 4), a.provider = r.provider
  MERGE (s:Shop {id: r.shop_id})
  MERGE (s)-[:RECEIVED]->(p)
  MERGE (p)-[:TO]->(a)
  MERGE (s)-[:PAID_TO]->(a)
} IN TRANSACTIONS OF $batch ROWS
