MATCH (l:Listing {id: $listingId})
RETURN l.brand AS brand
