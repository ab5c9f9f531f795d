// Who runs each linked shop and what it is: shops of one seller are one actor, not a network; country
// (the seller's), category and opening date tell a provider's pooled identifier from a ring's pool.
UNWIND $ids AS id
MATCH (s:Shop {id: id})
OPTIONAL MATCH (s)<-[:OWNS]-(u:Seller)
RETURN s.id AS shop, u.id AS seller, u.country AS country, s.category AS category, s.openedAt.epochMillis AS openedAt
