// Sellers owning two or more shops.
MATCH (u:Seller)
WITH u, COUNT { (u)-[:OWNS]->(:Shop) } AS n
WHERE n > 1
RETURN u.id AS key, n AS shopCount,
       CASE WHEN n <= $hubThreshold THEN COLLECT { MATCH (u)-[:OWNS]->(s:Shop) RETURN s.id } ELSE [] END AS shops
