// Bulk shutdowns (proposal, four-eyes decision, batched execution), recidivism alerts, and the index
// the recidivism check uses to find the shops a recent load created.
CREATE CONSTRAINT shutdown_id IF NOT EXISTS FOR (n:Shutdown) REQUIRE n.id IS UNIQUE;
CREATE INDEX shutdown_status IF NOT EXISTS FOR (n:Shutdown) ON (n.status);
CREATE CONSTRAINT alert_key IF NOT EXISTS FOR (n:Alert) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT alert_id IF NOT EXISTS FOR (n:Alert) REQUIRE n.id IS UNIQUE;
CREATE INDEX shop_created_by IF NOT EXISTS FOR (n:Shop) ON (n.createdBy);
CREATE INDEX import_started IF NOT EXISTS FOR (n:Import) ON (n.startedAt);
