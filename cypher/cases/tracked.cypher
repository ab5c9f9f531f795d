// Every case still following a network (merged cases follow their survivor's).
MATCH (k:Case) WHERE k.status <> 'merged'
RETURN k.id AS id, k.clusterId AS clusterId, k.status AS status, k.risk AS risk, k.members AS members
