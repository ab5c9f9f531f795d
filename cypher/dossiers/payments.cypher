// Payments to the cluster's shops, summed per account, shop and currency (the per-payment export).
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[:RECEIVED]->(p:Payment)-[:TO]->(a:PaymentAccount)
WITH a, s, p.currency AS currency, count(p) AS payouts, sum(p.amount) AS amount, min(p.amount) AS smallest, max(p.amount) AS largest,
     min(p.paidAt) AS first, max(p.paidAt) AS last
RETURN a.masked AS account, a.provider AS provider, s.id AS shopId, currency, payouts, amount, smallest, largest,
       toString(first) AS first, toString(last) AS last
ORDER BY account, shopId, currency
