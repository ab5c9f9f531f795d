// Listings per brand with price statistics, against the brand's typical price in the run ($typical).
UNWIND $ids AS id
MATCH (:Shop {id: id})-[:LISTS]->(l:Listing)
WITH coalesce(l.brand, '(no brand)') AS brand, l
WITH brand, count(l) AS listings, count(CASE WHEN l.status = 'active' THEN 1 END) AS active, min(l.price) AS minPrice,
     percentileCont(l.price, 0.5) AS medianPrice, max(l.price) AS maxPrice, collect(DISTINCT l.currency)[..3] AS currencies
RETURN brand, listings, active, minPrice, medianPrice, maxPrice, currencies, $typical[brand] AS typicalPrice
ORDER BY listings DESC
