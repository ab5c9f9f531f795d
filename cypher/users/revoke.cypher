// Sign-out: every token of the account stops working (tokens carry the account's version, not a session id).
// Only the token's own version is revoked, read under the node's lock: of N sign-outs with one token at
// once, one bumps the version and the others find it moved (their token was revoked by the first).
MATCH (u:User {username: $username})
SET u._lock = true
REMOVE u._lock
WITH u
WHERE $version IS NULL OR u.tokenVersion = $version
SET u.tokenVersion = u.tokenVersion + 1
RETURN u.tokenVersion AS tokenVersion
