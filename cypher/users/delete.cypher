// A deleted account's tokens fail with it: the per-request check finds no user.
MATCH (u:User {username: $username})
WITH u, {roles: u.roles, brands: u.brands, active: u.active} AS before
DETACH DELETE u
RETURN before
