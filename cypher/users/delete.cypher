// A deleted account's tokens fail with it: the per-request check finds no user. The node is locked first
// and then looked up again: of N deletions at once one deletes it; the others wait at the lock, and the
// second look (which sees what committed meanwhile) finds nothing, so they answer 404 and audit nothing.
// The account's saved views go with it (a new account of the same name starts without them).
MATCH (u:User {username: $username})
SET u._lock = true
REMOVE u._lock
WITH DISTINCT $username AS username
MATCH (v:User {username: username})
WITH v, {roles: v.roles, brands: v.brands, active: v.active} AS before
CALL (v) { MATCH (view:SavedView {owner: v.username}) DETACH DELETE view }
DETACH DELETE v
RETURN before
