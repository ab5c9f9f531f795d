// A shop and its owner. The seller may arrive later: it is created as a placeholder and filled in then.
UNWIND $rows AS r
MERGE (s:Shop {id: r.id})
  ON CREATE SET s.createdBy = $importId
SET s.name = r.name, s.openedAt = datetime(r.openedAt), s.status = r.status, s.category = r.category, s.placeholder = null
MERGE (u:Seller {id: r.sellerId})
  ON CREATE SET u.placeholder = true, u.createdBy = $importId
MERGE (u)-[:OWNS]->(s)
RETURN count(*) AS rows, count(CASE WHEN s.createdBy = $importId THEN 1 END) AS created
