// Physical addresses the cluster's shops use, each with its shops, how they use it (dispatch, return,
// ship-to), how many shops use it in all (its exclusivity to the network) and when the network used it:
// from the first opening of one of its shops there to their last listing.
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[h:HAS_ADDRESS]->(a:Address)
WITH a, collect(DISTINCT {shop: s.id, kind: h.kind}) AS uses, collect(DISTINCT s) AS shops
CALL (shops) {
  UNWIND shops AS s
  OPTIONAL MATCH (s)-[:LISTS]->(l:Listing)
  RETURN toString(min(s.openedAt)) AS first, toString(max(coalesce(l.listedAt, s.openedAt))) AS last
}
RETURN a.key AS key, a.text AS text, a.city AS city, a.region AS region, a.country AS country, a.postcode AS postcode,
       COUNT { MATCH (a)<-[:HAS_ADDRESS]-(o:Shop) RETURN DISTINCT o } AS shopCount, uses, first, last
ORDER BY a.country, a.region, a.city, a.text
