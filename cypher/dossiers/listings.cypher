// Listings per brand and currency with price statistics, against the brand's typical price in the run ($typical).
// Prices of different currencies are never mixed in one statistic.
UNWIND $ids AS id
MATCH (:Shop {id: id})-[:LISTS]->(l:Listing)
WITH coalesce(l.brand, '(no brand)') AS brand, l.currency AS currency, l
WITH brand, currency, count(l) AS listings, count(CASE WHEN l.status = 'active' THEN 1 END) AS active, min(l.price) AS minPrice,
     percentileCont(l.price, 0.5) AS medianPrice, max(l.price) AS maxPrice
RETURN brand, currency, listings, active, minPrice, medianPrice, maxPrice, $typical[brand] AS typicalPrice
ORDER BY listings DESC, brand, currency
