// A shop and its owner. A shop a shutdown suspended stays suspended whatever a later export says;
// only reinstatement lifts it. The seller may arrive later: it is created as a placeholder and filled in then.
// A shop has one owner: a row naming another seller moves the OWNS link (the old one is deleted), and the
// new link keeps the trail: movedFrom (earlier owners' ids, oldest first), movedBy (the import), movedAt.
// The caller sends each shop id once per batch (rows of one batch are planned together, so two rows for
// one shop would both see the old owner). Rows arrive as lines (see row-lines.ts): id, sellerId, name,
// openedAt, status, category.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (s:Shop {id: f[0]})
  ON CREATE SET s.createdBy = $importId
SET s.name = f[2], s.openedAt = datetime(f[3]), s.status = CASE WHEN s.suspendedBy IS NULL THEN f[4] ELSE s.status END, s.category = f[5], s.placeholder = null
MERGE (u:Seller {id: f[1]})
  ON CREATE SET u.placeholder = true, u.createdBy = $importId
// Read after the SET above, which holds the shop's write lock: a concurrent batch's move is seen, not raced.
WITH s, u, [(o:Seller)-[r:OWNS]->(s) WHERE o <> u | {rel: r, from: o.id, trail: coalesce(r.movedFrom, [])}] AS stale
FOREACH (x IN stale | DELETE x.rel)
MERGE (u)-[n:OWNS]->(s)
FOREACH (_ IN CASE WHEN size(stale) = 0 THEN [] ELSE [1] END |
  SET n.movedFrom = stale[0].trail + [x IN stale | x.from], n.movedBy = $importId, n.movedAt = datetime())
RETURN count(*) AS rows, count(CASE WHEN s.createdBy = $importId THEN 1 END) AS created, count(CASE WHEN size(stale) > 0 THEN 1 END) AS moved
