// New listings, the bulk of every load: CREATE is cheaper than MERGE. The caller has read which ids
// exist (listings-existing) and sends only the others, unique within the batch; when a concurrent batch
// created one of them first (a constraint violation) it sends the batch again to listings-merge.
// Rows arrive as lines (see row-lines.ts). The brand is a property (indexed), not a relationship:
// 10^7 relationships into a dozen Brand nodes would cost more than every query that needs them.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (s:Shop {id: f[1]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
CREATE (l:Listing {id: f[0], createdBy: $importId, title: f[2], brand: CASE f[3] WHEN '' THEN null ELSE f[3] END, category: f[4],
                   price: toFloat(f[5]), currency: f[6], listedAt: datetime(f[7]), status: f[8]})
CREATE (s)-[:LISTS]->(l)
