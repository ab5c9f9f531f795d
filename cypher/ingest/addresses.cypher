// A shop's dispatch, return or ship-to address, keyed by its normalised form. Rows arrive as lines
// (see row-lines.ts): shopId, kind, key, text, city, region, country, postcode. The links created are
// counted from the statement's summary, not from a createdBy mark on each one: the marks cost 15-20 %
// of this statement's time and nothing else reads them.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (a:Address {key: f[2]})
  ON CREATE SET a.text = f[3], a.city = f[4], a.region = CASE f[5] WHEN '' THEN null ELSE f[5] END, a.country = f[6],
                a.postcode = CASE f[7] WHEN '' THEN null ELSE f[7] END
MERGE (s:Shop {id: f[0]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
MERGE (s)-[:HAS_ADDRESS {kind: f[1]}]->(a)
