// Physical addresses the cluster's shops use, each with its shops and how they use it (raid planning).
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[h:HAS_ADDRESS]->(a:Address)
WITH a, collect(DISTINCT {shop: s.id, kind: h.kind}) AS uses
RETURN a.key AS key, a.text AS text, a.city AS city, a.region AS region, a.country AS country, a.postcode AS postcode,
       COUNT { MATCH (a)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } AS shopCount, uses
ORDER BY a.country, a.region, a.city, a.text
