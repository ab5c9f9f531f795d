// Addresses used by two or more shops. A shop counts once per address, under its closest use
// (dispatch, then return, then ship-to): a shop shipping and taking returns at one place shares one
// identifier, not two.
MATCH (x:Address)<-[h:HAS_ADDRESS]-(s:Shop)
WITH x, s, min(CASE h.kind WHEN 'dispatch' THEN 0 WHEN 'return' THEN 1 ELSE 2 END) AS use
WITH x, use, count(s) AS n, collect(s.id)[..$hubThreshold + 1] AS shops
WHERE n > 1
RETURN x.key AS key, CASE use WHEN 0 THEN 'dispatch' WHEN 1 THEN 'return' ELSE 'ship_to' END AS kind, n AS shopCount,
       CASE WHEN n <= $hubThreshold THEN shops ELSE [] END AS shops
