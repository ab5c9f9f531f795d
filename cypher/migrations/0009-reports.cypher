// Nightly shop-cluster reports, and named leases that keep two report runs from overlapping even
// across processes and crashes (a lease expires; a crashed holder cannot block forever).
CREATE CONSTRAINT report_id IF NOT EXISTS FOR (n:Report) REQUIRE n.id IS UNIQUE;
CREATE INDEX report_started IF NOT EXISTS FOR (n:Report) ON (n.startedAt);
CREATE CONSTRAINT lock_name IF NOT EXISTS FOR (n:Lock) REQUIRE n.name IS UNIQUE;
