// A password reset also revokes every token issued under the old password.
MATCH (u:User {username: $username})
SET u.passwordHash = $passwordHash, u.tokenVersion = u.tokenVersion + 1
RETURN u.username AS username
