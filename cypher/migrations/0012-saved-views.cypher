// Saved views: named inbox filters, each of one person. A name is unique per person (compared trimmed and
// lower-cased, as nameKey), which the constraint holds even against two creations at once.
CREATE CONSTRAINT saved_view_id IF NOT EXISTS FOR (n:SavedView) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT saved_view_owner_name IF NOT EXISTS FOR (n:SavedView) REQUIRE (n.owner, n.nameKey) IS UNIQUE;
