UNWIND $ids AS id
MATCH (s:Shop {id: id})
RETURN s.id AS id, s.name AS name, s.status AS status
