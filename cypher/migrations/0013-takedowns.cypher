// Takedowns: what a brand reporter's counterfeit verdict set going (fast lane or review queue), and its outcome.
CREATE CONSTRAINT takedown_id IF NOT EXISTS FOR (n:Takedown) REQUIRE n.id IS UNIQUE;
CREATE INDEX takedown_review IF NOT EXISTS FOR (n:Takedown) ON (n.review);
CREATE INDEX takedown_reporter IF NOT EXISTS FOR (n:Takedown) ON (n.reporter);
CREATE INDEX takedown_brand IF NOT EXISTS FOR (n:Takedown) ON (n.brand);
