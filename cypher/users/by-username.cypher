MATCH (u:User {username: $username})
RETURN u.username AS username, u.passwordHash AS passwordHash, u.roles AS roles, u.brands AS brands, u.active AS active,
       u.tokenVersion AS tokenVersion, toString(u.createdAt) AS createdAt
