// Brand owners' verdicts on the cluster's listings.
UNWIND $ids AS id
MATCH (s:Shop {id: id})-[:LISTS]->(l:Listing)<-[:ABOUT]-(br:BrandReport)
RETURN l.id AS listingId, l.title AS title, s.id AS shopId, br.brand AS brand, br.verdict AS verdict, br.reporter AS reporter,
       toString(br.reportedAt) AS reportedAt
ORDER BY br.reportedAt
