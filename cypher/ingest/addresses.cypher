// A shop's dispatch, return or ship-to address. The Address node is the building, keyed by its normalised
// form; the unit inside it (floor, flat, hall, dock: "floor 3 unit 301") is on the shop's HAS_ADDRESS link,
// one link per shop, building, use and unit, so shops in one building share the node and shops in one unit
// also share the unit. A link without a unit stands only while the shop names no unit there for that use,
// whatever order the rows come in: a unit-less row finds any link of its use, a row with a unit replaces
// the unit-less link. Rows arrive as lines (see row-lines.ts): shopId, kind, key, text, city, region,
// country, postcode, unit. The links created are counted from the statement's summary, not from a
// createdBy mark on each one: the marks cost 15-20 % of this statement's time and nothing else reads them.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (a:Address {key: f[2]})
  ON CREATE SET a.text = f[3], a.city = f[4], a.region = CASE f[5] WHEN '' THEN null ELSE f[5] END, a.country = f[6],
                a.postcode = CASE f[7] WHEN '' THEN null ELSE f[7] END
MERGE (s:Shop {id: f[0]})
  ON CREATE SET s.placeholder = true, s.createdBy = $importId
WITH s, a, f[1] AS kind, f[8] AS unit
FOREACH (_ IN CASE unit WHEN '' THEN [1] ELSE [] END | MERGE (s)-[:HAS_ADDRESS {kind: kind}]->(a))
FOREACH (_ IN CASE unit WHEN '' THEN [] ELSE [1] END | MERGE (s)-[:HAS_ADDRESS {kind: kind, unit: unit}]->(a))
WITH s, a, kind, unit WHERE unit <> ''
OPTIONAL MATCH (s)-[bare:HAS_ADDRESS {kind: kind}]->(a) WHERE bare.unit IS NULL
DELETE bare
