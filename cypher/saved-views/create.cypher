// Saves a view unless the person has one of that name or has reached the cap. The person's account is
// locked first, so of concurrent saves each sees the views the others committed (the count holds).
MATCH (u:User {username: $owner})
SET u._lock = true
REMOVE u._lock
WITH u
OPTIONAL MATCH (other:SavedView {owner: u.username})
WITH u, count(other) AS held, sum(CASE WHEN other.nameKey = $nameKey THEN 1 ELSE 0 END) AS sameName
CALL (u, held, sameName) {
  WITH u, held, sameName WHERE sameName = 0 AND held < $max
  CREATE (v:SavedView {id: $id, owner: u.username, name: $name, nameKey: $nameKey, filter: $filter, createdAt: datetime()})
  RETURN v
UNION
  WITH held, sameName WHERE NOT (sameName = 0 AND held < $max)
  RETURN null AS v
}
RETURN CASE WHEN v IS NOT NULL THEN 'saved' WHEN sameName > 0 THEN 'taken' ELSE 'full' END AS outcome,
       v.id AS id, v.name AS name, v.filter AS filter, toString(v.createdAt) AS createdAt
