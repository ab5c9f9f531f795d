// What the risk score needs to know about each clustered shop besides its prices (see branded-listings).
UNWIND $ids AS id
MATCH (s:Shop {id: id})
RETURN s.id AS id, s.openedAt.epochMillis AS openedAt, s.status AS status,
       COUNT { (s)-[:LISTS]->(:Listing)<-[:ABOUT]-(:BrandReport {verdict: 'counterfeit'}) } AS reports,
       COLLECT { MATCH (s)-[:LISTS]->(l:Listing) WHERE l.brand IS NOT NULL RETURN DISTINCT l.brand } AS brands
