// Detection runs and the clusters they found; a cluster id is stable across runs, its key is per run.
CREATE CONSTRAINT detection_run_id IF NOT EXISTS FOR (n:DetectionRun) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT cluster_key IF NOT EXISTS FOR (n:Cluster) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT sequence_name IF NOT EXISTS FOR (n:Sequence) REQUIRE n.name IS UNIQUE;
CREATE INDEX cluster_id IF NOT EXISTS FOR (n:Cluster) ON (n.clusterId);
CREATE INDEX cluster_run IF NOT EXISTS FOR (n:Cluster) ON (n.runId);
CREATE INDEX detection_run_started IF NOT EXISTS FOR (n:DetectionRun) ON (n.startedAt);
