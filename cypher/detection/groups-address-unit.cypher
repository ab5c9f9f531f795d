// Units (floor, hall, room) of an address that two or more shops share, read after the addresses
// themselves: a shared unit adds weight to a shared building (see IdentifierGroup.refines), it is not
// another identifier. A shop counts once per unit, under its closest use, as in groups-address.
MATCH (x:Address)<-[h:HAS_ADDRESS]-(s:Shop)
WHERE h.unit IS NOT NULL
WITH x, h.unit AS unit, s, min(CASE h.kind WHEN 'dispatch' THEN 0 WHEN 'return' THEN 1 ELSE 2 END) AS use
WITH x, unit, use, count(s) AS n, collect(s.id) AS shops
WHERE n > 1 AND n <= $hubThreshold
RETURN x.key + '#' + unit AS key, CASE use WHEN 0 THEN 'dispatch' WHEN 1 THEN 'return' ELSE 'ship_to' END AS kind, n AS shopCount, shops
