CREATE (u:User {username: $username, passwordHash: $passwordHash, roles: $roles, brands: $brands, active: true, tokenVersion: 0, createdAt: datetime()})
RETURN u.username AS username, u.roles AS roles, u.brands AS brands, u.active AS active, toString(u.createdAt) AS createdAt
