// Listings that may exist: updated in place (a listing a shutdown delisted stays delisted).
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (l:Listing {id: f[0]})
  ON CREATE SET l.createdBy = $importId
SET l.title = f[2], l.brand = CASE f[3] WHEN '' THEN null ELSE f[3] END, l.category = f[4], l.price = toFloat(f[5]), l.currency = f[6],
    l.listedAt = datetime(f[7]), l.status = CASE WHEN l.delistedBy IS NULL THEN f[8] ELSE l.status END, l.placeholder = null
MERGE (s:Shop {id: f[1]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[:LISTS]->(l)
RETURN count(*) AS rows, count(CASE WHEN l.createdBy = $importId THEN 1 END) AS created
