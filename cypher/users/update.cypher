// Role, brand and activation changes; any change revokes the account's tokens (the version goes up in the
// same write, under the node's lock, so concurrent updates each bump it).
MATCH (u:User {username: $username})
WITH u, {roles: u.roles, brands: u.brands, active: u.active} AS before
SET u.roles = coalesce($roles, u.roles), u.brands = coalesce($brands, u.brands), u.active = coalesce($active, u.active),
    u.tokenVersion = u.tokenVersion + 1
RETURN before, {username: u.username, roles: u.roles, brands: u.brands, active: u.active, createdAt: toString(u.createdAt)} AS user
