// Creating a proposal locks the cluster node first, so two analysts proposing at once are serialised
// and the second sees the first's proposal.
MATCH (c:Cluster {key: $clusterKey})
SET c.proposalLockedAt = datetime()
WITH c
OPTIONAL MATCH (o:Shutdown {clusterId: c.clusterId}) WHERE o.status IN ['proposed', 'approved', 'executing']
RETURN c.key AS clusterKey, collect(o.id) AS open
