// Sign-out: every token of the account stops working (tokens carry the account's version, not a session id).
MATCH (u:User {username: $username})
SET u.tokenVersion = u.tokenVersion + 1
RETURN u.tokenVersion AS tokenVersion
