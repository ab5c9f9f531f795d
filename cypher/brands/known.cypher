// The next brand name after $after that listings or brand reports use: walked one name at a time, each step
// one seek in the listing_brand index (or the Brand constraint), so listing the brands costs as many seeks
// as there are brands, not a scan of every listing.
CALL () {
  MATCH (l:Listing) WHERE l.brand > $after
  RETURN l.brand AS name ORDER BY l.brand LIMIT 1
  UNION
  MATCH (b:Brand) WHERE b.name > $after
  RETURN b.name AS name ORDER BY b.name LIMIT 1
}
RETURN min(name) AS next
