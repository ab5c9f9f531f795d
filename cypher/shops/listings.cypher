// One page of a shop's listings, newest first. Each price is set against comparable listings, as the
// brand portal prices them: the brand's listings in the same currency at their 90th price percentile
// (where fakes flood a brand the median is their price). Different currencies are never compared.
MATCH (s:Shop {id: $id})
CALL (s) {
  OPTIONAL MATCH (s)-[:LISTS]->(l:Listing)
  WITH l ORDER BY l.listedAt DESC, l.id SKIP $skip LIMIT $limit
  WHERE l IS NOT NULL
  CALL (l) {
    OPTIONAL MATCH (o:Listing {brand: l.brand})
    WHERE o.price IS NOT NULL AND coalesce(o.currency, '') = coalesce(l.currency, '')
    RETURN percentileCont(o.price, 0.9) AS typicalPrice
  }
  RETURN collect({id: l.id, title: l.title, brand: l.brand, category: l.category, price: l.price, currency: l.currency,
                  listedAt: toString(l.listedAt), status: l.status, typicalPrice: typicalPrice}) AS items
}
RETURN COUNT { (s)-[:LISTS]->(:Listing) } AS total, items
