// Whether any real (non-placeholder) shop is loaded: decides the first-start demo load.
RETURN EXISTS { MATCH (s:Shop) WHERE s.placeholder IS NULL } AS hasShops
