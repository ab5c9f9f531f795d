// Role, brand and activation changes; any change revokes the account's tokens. The node is locked before
// the state before is read, so concurrent updates each bump the version and each audit the state it
// really replaced.
MATCH (u:User {username: $username})
SET u._lock = true
REMOVE u._lock
WITH u, {roles: u.roles, brands: u.brands, active: u.active} AS before
SET u.roles = coalesce($roles, u.roles), u.brands = coalesce($brands, u.brands), u.active = coalesce($active, u.active),
    u.tokenVersion = u.tokenVersion + 1
RETURN before, {username: u.username, roles: u.roles, brands: u.brands, active: u.active, createdAt: toString(u.createdAt)} AS user
