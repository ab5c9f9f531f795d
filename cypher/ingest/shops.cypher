// A shop and its owner. A shop a shutdown suspended stays suspended whatever a later export says;
// only reinstatement lifts it. The seller may arrive later: it is created as a placeholder and filled in then.
// Rows arrive as lines (see row-lines.ts): id, sellerId, name, openedAt, status, category.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (s:Shop {id: f[0]})
  ON CREATE SET s.createdBy = $importId
SET s.name = f[2], s.openedAt = datetime(f[3]), s.status = CASE WHEN s.suspendedBy IS NULL THEN f[4] ELSE s.status END, s.category = f[5], s.placeholder = null
MERGE (u:Seller {id: f[1]})
  ON CREATE SET u.placeholder = true, u.createdBy = $importId
MERGE (u)-[:OWNS]->(s)
RETURN count(*) AS rows, count(CASE WHEN s.createdBy = $importId THEN 1 END) AS created
