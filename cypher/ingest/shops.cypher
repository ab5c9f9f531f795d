// A shop and its owner. A shop a shutdown suspended stays suspended whatever a later export says;
// only reinstatement lifts it. The seller may arrive later: it is created as a placeholder and filled in then.
UNWIND $rows AS r
MERGE (s:Shop {id: r.id})
  ON CREATE SET s.createdBy = $importId
SET s.name = r.name, s.openedAt = datetime(r.openedAt), s.status = CASE WHEN s.suspendedBy IS NULL THEN r.status ELSE s.status END, s.category = r.category, s.placeholder = null
MERGE (u:Seller {id: r.sellerId})
  ON CREATE SET u.placeholder = true, u.createdBy = $importId
MERGE (u)-[:OWNS]->(s)
RETURN count(*) AS rows, count(CASE WHEN s.createdBy = $importId THEN 1 END) AS created
