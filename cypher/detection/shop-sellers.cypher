// The seller of each linked shop: shops of one seller are one actor, not a network.
UNWIND $ids AS id
MATCH (s:Shop {id: id})<-[:OWNS]-(u:Seller)
RETURN s.id AS shop, u.id AS seller
