// A dossier reads the appeals on its network's listings: takedowns by listing.
CREATE INDEX takedown_listing IF NOT EXISTS FOR (n:Takedown) ON (n.listingId);
