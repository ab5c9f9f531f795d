// Every branded listing with what makes listings comparable (brand, category, title words, currency):
// the price model of a run (libs/detection prices.ts) is built from all of them, and the clustered
// shops' own are then held against it.
MATCH (l:Listing)
WHERE l.brand IS NOT NULL
MATCH (s:Shop)-[:LISTS]->(l)
RETURN s.id AS shop, l.brand AS brand, l.category AS category, l.title AS title, l.price AS price, l.currency AS currency
