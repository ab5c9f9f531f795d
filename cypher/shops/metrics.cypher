// Size cues for drawing shops: how many listings each has, and its payouts summed over currencies
// (a relative scale for disc sizes, not an amount of money).
UNWIND $ids AS id
MATCH (s:Shop {id: id})
CALL (s) {
  OPTIONAL MATCH (s)-[:RECEIVED]->(p:Payment)
  RETURN coalesce(sum(p.amount), 0) AS gmv
}
RETURN s.id AS id, COUNT { (s)-[:LISTS]->(:Listing) } AS listings, gmv
