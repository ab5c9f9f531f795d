// What each reporter's takedown requests came to (the counts libs/good-faith rates), optionally for one
// reporter or one brand. A takedown counts against its reporter when it was rejected in review, reversed on
// appeal, or its listing was confirmed genuine by a verdict given after the request.
MATCH (t:Takedown)
WHERE ($reporter IS NULL OR t.reporter = $reporter) AND ($brand IS NULL OR t.brand = $brand)
OPTIONAL MATCH (t)-[:ABOUT]->(l:Listing)
WITH t,
     t.status = 'taken_down' AND l IS NOT NULL
       AND EXISTS { MATCH (l)<-[:ABOUT]-(g:BrandReport {verdict: 'genuine'}) WHERE g.reportedAt > t.requestedAt } AS laterGenuine
WITH t.reporter AS reporter, collect(DISTINCT t.brand) AS brands,
     count(CASE WHEN t.status <> 'pending' THEN 1 END) AS decided,
     count(CASE WHEN t.status IN ['rejected', 'reversed'] OR laterGenuine THEN 1 END) AS against,
     count(t.delistedAt) AS takenDown,
     count(CASE WHEN t.status = 'reversed' THEN 1 END) AS appealed,
     count(CASE WHEN t.status = 'pending' THEN 1 END) AS pending
RETURN reporter, brands, decided, against, takenDown, appealed, pending
ORDER BY reporter
