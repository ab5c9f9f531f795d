// One page of a shop's listings, newest first, with the brands' typical prices of the latest completed
// run (detection's 90th price percentile per brand, JSON): what each price is set against.
MATCH (s:Shop {id: $id})
CALL (s) {
  OPTIONAL MATCH (r:DetectionRun {status: 'completed'})
  WITH r ORDER BY r.startedAt DESC LIMIT 1
  RETURN r.typicalPrices AS typicalPrices
}
CALL (s) {
  OPTIONAL MATCH (s)-[:LISTS]->(l:Listing)
  WITH l ORDER BY l.listedAt DESC, l.id SKIP $skip LIMIT $limit
  WHERE l IS NOT NULL
  RETURN collect({id: l.id, title: l.title, brand: l.brand, category: l.category, price: l.price, currency: l.currency,
                  listedAt: toString(l.listedAt), status: l.status}) AS items
}
RETURN COUNT { (s)-[:LISTS]->(:Listing) } AS total, items, typicalPrices
