// Brand is a listing property; scoring and brand-owner queries filter on it.
CREATE INDEX listing_brand IF NOT EXISTS FOR (l:Listing) ON (l.brand);
