// The typical price of each brand: its 90th price percentile. The median would not do: where fakes
// flood a brand, most of its listings are fakes and the median is their price.
MATCH (l:Listing)
WHERE l.brand IS NOT NULL
RETURN l.brand AS brand, percentileCont(l.price, 0.9) AS typical, count(*) AS listings
