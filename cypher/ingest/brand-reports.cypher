// A brand owner's verdict on a listing (the listing may arrive later).
UNWIND $rows AS r
MERGE (br:BrandReport {id: r.id})
  ON CREATE SET br.createdBy = $importId
SET br.verdict = r.verdict, br.reporter = r.reporter, br.reportedAt = datetime(r.reportedAt), br.brand = r.brand
MERGE (l:Listing {id: r.listingId})
  ON CREATE SET l.placeholder = true, l.createdBy = $importId
MERGE (br)-[:ABOUT]->(l)
MERGE (b:Brand {name: r.brand})
MERGE (br)-[:FOR_BRAND]->(b)
RETURN count(*) AS rows, count(CASE WHEN br.createdBy = $importId THEN 1 END) AS created
