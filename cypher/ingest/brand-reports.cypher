// A brand owner's verdict on a listing (the listing may arrive later). A verdict is about one listing for
// one brand: a row naming another moves ABOUT or FOR_BRAND (the old link is deleted; the new one keeps the
// trail in movedFrom, movedBy, movedAt, as listings-merge does). The caller sends each id once per batch.
// Rows arrive as lines (see row-lines.ts): id, listingId, brand, reporter, verdict, reportedAt.
UNWIND $lines AS line
WITH split(line, '\u001f') AS f
MERGE (br:BrandReport {id: f[0]})
  ON CREATE SET br.createdBy = $importId
SET br.verdict = f[4], br.reporter = f[3], br.reportedAt = datetime(f[5]), br.brand = f[2]
MERGE (l:Listing {id: f[1]})
  ON CREATE SET l.placeholder = true, l.createdBy = $importId
MERGE (b:Brand {name: f[2]})
WITH br, l, b,
     [(br)-[r:ABOUT]->(o:Listing) WHERE o <> l | {rel: r, from: o.id, trail: coalesce(r.movedFrom, [])}] AS staleListing,
     [(br)-[r:FOR_BRAND]->(o:Brand) WHERE o <> b | {rel: r, from: o.name, trail: coalesce(r.movedFrom, [])}] AS staleBrand
FOREACH (x IN staleListing + staleBrand | DELETE x.rel)
MERGE (br)-[about:ABOUT]->(l)
MERGE (br)-[brand:FOR_BRAND]->(b)
FOREACH (_ IN CASE WHEN size(staleListing) = 0 THEN [] ELSE [1] END |
  SET about.movedFrom = staleListing[0].trail + [x IN staleListing | x.from], about.movedBy = $importId, about.movedAt = datetime())
FOREACH (_ IN CASE WHEN size(staleBrand) = 0 THEN [] ELSE [1] END |
  SET brand.movedFrom = staleBrand[0].trail + [x IN staleBrand | x.from], brand.movedBy = $importId, brand.movedAt = datetime())
RETURN count(*) AS rows, count(CASE WHEN br.createdBy = $importId THEN 1 END) AS created,
       count(CASE WHEN size(staleListing) + size(staleBrand) > 0 THEN 1 END) AS moved
