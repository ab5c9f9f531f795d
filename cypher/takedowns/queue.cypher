// The analysts' review queue: reports waiting for a decision, the most urgent (earliest due) first, with the
// listing and its shop (no personal data: shops are not people).
MATCH (t:Takedown {review: 'pending'})
WHERE $brand IS NULL OR t.brand = $brand
WITH t ORDER BY t.dueAt, t.id
WITH collect(t) AS found
CALL (found) {
  UNWIND found[$skip..$skip + $limit] AS t
  OPTIONAL MATCH (t)-[:ABOUT]->(l:Listing)
  OPTIONAL MATCH (l)<-[:LISTS]-(s:Shop)
  RETURN collect({
    id: t.id, listingId: t.listingId, brand: t.brand, reporter: t.reporter, lane: t.lane, sampled: t.sampled, status: t.status,
    review: t.review, requestedAt: toString(t.requestedAt), dueAt: toString(t.dueAt), overdue: t.dueAt < datetime(),
    title: l.title, price: l.price, currency: l.currency, listingStatus: l.status, shopId: s.id, shopName: s.name
  }) AS items
}
RETURN size(found) AS total, items
