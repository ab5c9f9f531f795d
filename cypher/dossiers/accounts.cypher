// Payout accounts (masked; the number itself is never stored) with their shops and payout volume.
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[:PAID_TO]->(a:PaymentAccount)
WITH a, collect(DISTINCT s.id) AS shops
CALL (a, shops) {
  MATCH (s:Shop)-[:RECEIVED]->(p:Payment)-[:TO]->(a) WHERE s.id IN shops
  WITH p.currency AS currency, sum(p.amount) AS amount, count(p) AS payouts, min(p.paidAt) AS first, max(p.paidAt) AS last
  RETURN collect({currency: currency, amount: amount, payouts: payouts, first: toString(first), last: toString(last)}) AS volume
}
RETURN a.key AS key, a.kind AS kind, a.provider AS provider, a.masked AS masked, COUNT { (a)<-[:PAID_TO]-(:Shop) } AS shopCount, shops, volume
ORDER BY size(shops) DESC, masked
