MATCH (u:User)
RETURN u.username AS username, u.roles AS roles, u.brands AS brands, u.active AS active, toString(u.createdAt) AS createdAt
ORDER BY u.username
SKIP $skip LIMIT $limit
