// Read on every authenticated request: a token is honoured only while its account exists, is active and
// still has the version the token was issued with.
MATCH (u:User {username: $username})
RETURN u.active AS active, u.tokenVersion AS tokenVersion
