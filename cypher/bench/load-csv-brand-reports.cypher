LOAD CSV WITH HEADERS FROM $url AS r
CALL (r) {
  MERGE (br:BrandReport {id: r.report_id})
  SET br.verdict = r.verdict, br.reporter = r.reporter, br.reportedAt = datetime(r.reported_at), br.brand = r.brand
  MERGE (l:Listing {id: r.listing_id})
  MERGE (br)-[:ABOUT]->(l)
  MERGE (b:Brand {name: r.brand})
  MERGE (br)-[:FOR_BRAND]->(b)
} IN TRANSACTIONS OF $batch ROWS
