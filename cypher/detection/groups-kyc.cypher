// KycDocument identifiers whose sellers own two or more shops between them.
MATCH (x:KycDocument)
WITH x, COUNT { (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(:Shop) } AS n
WHERE n > 1
WITH x, CASE WHEN n <= $hubThreshold THEN COLLECT { MATCH (x)<-[:HAS_KYC]-(:Seller)-[:OWNS]->(s:Shop) RETURN DISTINCT s.id } ELSE [] END AS shops, n
RETURN x.key AS key, CASE WHEN size(shops) > 0 THEN size(shops) ELSE n END AS shopCount, shops
