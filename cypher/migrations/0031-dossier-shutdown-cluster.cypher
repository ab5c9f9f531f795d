// A dossier reads its network's shutdowns by cluster id (history.cypher): an index, not a scan of every shutdown.
CREATE INDEX shutdown_cluster IF NOT EXISTS FOR (n:Shutdown) ON (n.clusterId);
