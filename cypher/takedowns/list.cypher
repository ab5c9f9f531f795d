// Takedowns by status (e.g. those in effect, which a seller's appeal can reverse), newest first, optionally
// of one brand or one reporter, with the listing and its shop (no personal data: shops are not people).
MATCH (t:Takedown)
WHERE ($status IS NULL OR t.status = $status) AND ($brand IS NULL OR t.brand = $brand)
  AND ($reporter IS NULL OR t.reporter = $reporter)
WITH t ORDER BY t.requestedAt DESC, t.id
WITH collect(t) AS found
CALL (found) {
  UNWIND found[$skip..$skip + $limit] AS t
  OPTIONAL MATCH (t)-[:ABOUT]->(l:Listing)
  OPTIONAL MATCH (l)<-[:LISTS]-(s:Shop)
  RETURN collect({
    id: t.id, listingId: t.listingId, brand: t.brand, reporter: t.reporter, lane: t.lane, sampled: t.sampled, status: t.status,
    review: t.review, requestedAt: toString(t.requestedAt), dueAt: toString(t.dueAt), overdue: coalesce(t.dueAt < datetime(), false),
    title: l.title, price: l.price, currency: l.currency, listingStatus: l.status, shopId: s.id, shopName: s.name
  }) AS items
}
RETURN size(found) AS total, items
