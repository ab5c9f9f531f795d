// A brand owner's verdict through the portal: one per listing and reporter, a later verdict replaces
// the earlier one (the audit trail keeps both). The report is locked before its verdict is read, so of
// concurrent verdicts each sees the one committed before it: the audit's before/after chain holds.
MATCH (l:Listing {id: $listingId, brand: $brand})
MERGE (b:Brand {name: $brand})
MERGE (br:BrandReport {id: 'portal:' + $reporter + ':' + $listingId})
  ON CREATE SET br.createdBy = 'portal'
SET br._lock = true
REMOVE br._lock
WITH l, b, br, br.verdict AS before
SET br.verdict = $verdict, br.reporter = $reporter, br.reportedAt = datetime(), br.brand = $brand, br.note = $note
MERGE (br)-[:ABOUT]->(l)
MERGE (br)-[:FOR_BRAND]->(b)
RETURN br.id AS id, before, toString(br.reportedAt) AS reportedAt
