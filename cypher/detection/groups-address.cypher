// Addresses used by two or more shops, per kind of use (dispatch, return, ship_to).
MATCH (a:Address)<-[h:HAS_ADDRESS]-(s:Shop)
WITH a, h.kind AS kind, count(s) AS n, collect(s.id)[..$hubThreshold + 1] AS shops
WHERE n > 1
RETURN a.key AS key, kind, n AS shopCount, CASE WHEN n <= $hubThreshold THEN shops ELSE [] END AS shops
