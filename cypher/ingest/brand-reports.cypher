// A brand owner's verdict on a listing (the listing may arrive later). Rows arrive as lines (see
// row-lines.ts): id, listingId, brand, reporter, verdict, reportedAt.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (br:BrandReport {id: f[0]})
  ON CREATE SET br.createdBy = $importId
SET br.verdict = f[4], br.reporter = f[3], br.reportedAt = datetime(f[5]), br.brand = f[2]
MERGE (l:Listing {id: f[1]})
  ON CREATE SET l.placeholder = true, l.createdBy = $importId
MERGE (br)-[:ABOUT]->(l)
MERGE (b:Brand {name: f[2]})
MERGE (br)-[:FOR_BRAND]->(b)
RETURN count(*) AS rows, count(CASE WHEN br.createdBy = $importId THEN 1 END) AS created
