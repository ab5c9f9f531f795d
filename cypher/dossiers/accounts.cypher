// Payout accounts (masked; the number itself is never stored) with their shops and payout volume.
// The volume is walked from the network's shops (a few payments each), never from the account: a
// settlement account shared by thousands of shops holds all of their payments.
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[:PAID_TO]->(a:PaymentAccount)
WITH a, collect(DISTINCT s.id) AS shops
CALL (a, shops) {
  UNWIND shops AS sid
  MATCH (:Shop {id: sid})-[:RECEIVED]->(p:Payment)-[:TO]->(a)
  WITH p.currency AS currency, sum(p.amount) AS amount, count(p) AS payouts, min(p.paidAt) AS first, max(p.paidAt) AS last
  RETURN collect({currency: currency, amount: amount, payouts: payouts, first: toString(first), last: toString(last)}) AS volume
}
RETURN a.key AS key, a.kind AS kind, a.provider AS provider, a.masked AS masked, COUNT { (a)<-[:PAID_TO]-(:Shop) } AS shopCount, shops, volume
ORDER BY size(shops) DESC, masked
