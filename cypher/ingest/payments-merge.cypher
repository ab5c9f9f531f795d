// Payouts that may exist: the all-MERGE form of payments.cypher. A payout went to one shop and one
// account: a row naming another moves RECEIVED or TO (the old link is deleted; the new one keeps the trail
// in movedFrom, movedBy, movedAt, as listings-merge does; an account is named by its fingerprint key), and
// a shop's PAID_TO link that no payout stands behind any more goes with it, so detection sees no tie the
// data no longer has. The caller sends each id once per batch.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (p:Payment {id: f[0]})
  ON CREATE SET p.createdBy = $importId
SET p.amount = toFloat(f[7]), p.currency = f[8], p.paidAt = datetime(f[9])
MERGE (a:PaymentAccount {key: f[2]})
  ON CREATE SET a.kind = f[3], a.last4 = f[4], a.masked = f[5], a.provider = f[6]
MERGE (s:Shop {id: f[1]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
// Read after the SET above, which holds the payout's write lock: a concurrent batch's move is seen, not raced.
WITH p, a, s,
     [(o:Shop)-[r:RECEIVED]->(p) WHERE o <> s | {rel: r, node: o, from: o.id, trail: coalesce(r.movedFrom, [])}] AS staleShop,
     [(p)-[r:TO]->(o:PaymentAccount) WHERE o <> a | {rel: r, node: o, from: o.key, trail: coalesce(r.movedFrom, [])}] AS staleAccount
FOREACH (x IN staleShop + staleAccount | DELETE x.rel)
MERGE (s)-[received:RECEIVED]->(p)
MERGE (p)-[to:TO]->(a)
MERGE (s)-[:PAID_TO]->(a)
FOREACH (_ IN CASE WHEN size(staleShop) = 0 THEN [] ELSE [1] END |
  SET received.movedFrom = staleShop[0].trail + [x IN staleShop | x.from], received.movedBy = $importId, received.movedAt = datetime())
FOREACH (_ IN CASE WHEN size(staleAccount) = 0 THEN [] ELSE [1] END |
  SET to.movedFrom = staleAccount[0].trail + [x IN staleAccount | x.from], to.movedBy = $importId, to.movedAt = datetime())
WITH p, size(staleShop) + size(staleAccount) > 0 AS moved, [x IN staleShop | x.node] + [s] AS shops, [x IN staleAccount | x.node] + [a] AS accounts
CALL (moved, shops, accounts) {
  WITH * WHERE moved
  UNWIND shops AS o
  UNWIND accounts AS x
  MATCH (o)-[link:PAID_TO]->(x)
  WHERE NOT EXISTS { (o)-[:RECEIVED]->(:Payment)-[:TO]->(x) }
  DELETE link
}
RETURN count(*) AS rows, count(CASE WHEN p.createdBy = $importId THEN 1 END) AS created, count(CASE WHEN moved THEN 1 END) AS moved
