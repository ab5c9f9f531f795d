// A brand's reports (verdicts) and what came of them, newest first: one reporter's ("my reports") or every
// reporter's (staff). Each with its listing and shop, and the latest takedown the reporter's counterfeit
// verdict set going on the listing (one open takedown per listing), and whether that takedown counts against
// the reporter's accuracy (rejected in review, reversed on appeal, or the listing confirmed genuine later:
// the rule of takedowns/outcomes).
MATCH (br:BrandReport)
WHERE br.brand = $brand AND ($reporter IS NULL OR br.reporter = $reporter)
WITH br ORDER BY br.reportedAt DESC, br.id
WITH collect(br) AS found
CALL (found) {
  UNWIND found[$skip..$skip + $limit] AS br
  OPTIONAL MATCH (br)-[:ABOUT]->(l:Listing)
  OPTIONAL MATCH (l)<-[:LISTS]-(s:Shop)
  CALL (br, l) {
    OPTIONAL MATCH (t:Takedown)-[:ABOUT]->(l)
    WHERE t.reporter = br.reporter
    WITH t ORDER BY t.requestedAt DESC LIMIT 1
    RETURN t
  }
  WITH br, l, s, t,
       t IS NOT NULL AND (t.status IN ['rejected', 'reversed'] OR (t.status = 'taken_down'
         AND EXISTS { MATCH (l)<-[:ABOUT]-(g:BrandReport {verdict: 'genuine'}) WHERE g.reportedAt > t.requestedAt })) AS against
  RETURN collect({
    id: br.id, listingId: l.id, title: l.title, price: l.price, currency: l.currency, listingStatus: l.status,
    shopId: s.id, shopName: s.name, reporter: br.reporter, verdict: br.verdict, note: br.note,
    reportedAt: toString(br.reportedAt),
    takedown: CASE WHEN t IS NULL THEN null ELSE {
      id: t.id, lane: t.lane, sampled: t.sampled, status: t.status, review: t.review,
      requestedAt: toString(t.requestedAt), decidedAt: toString(coalesce(t.appealedAt, t.reviewedAt)),
      countsAgainst: against
    } END
  }) AS items
}
RETURN size(found) AS total, items
