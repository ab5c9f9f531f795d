// Cases: the investigation of one network, following its stable cluster id through every detection run.
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE;
CREATE INDEX case_cluster IF NOT EXISTS FOR (n:Case) ON (n.clusterId);
CREATE INDEX case_status IF NOT EXISTS FOR (n:Case) ON (n.status);
CREATE INDEX case_assignee IF NOT EXISTS FOR (n:Case) ON (n.assignee);
CREATE CONSTRAINT case_note_id IF NOT EXISTS FOR (n:CaseNote) REQUIRE n.id IS UNIQUE;
