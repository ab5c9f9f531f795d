// The service's own records a bulk first load keeps (users, the audit trail, import records): read before
// Neo4j's importer replaces the store, written back after. They hold no relationships.
MATCH (n) WHERE any(l IN labels(n) WHERE l IN $carried)
RETURN labels(n)[0] AS label, properties(n) AS props
