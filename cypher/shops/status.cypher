MATCH (s:Shop {id: $id})
RETURN s.status AS status, s.suspendedBy AS suspendedBy
