// Payout accounts shared by two or more shops; members listed only up to the hub threshold.
MATCH (x:PaymentAccount)
WITH x, COUNT { (x)<-[:PAID_TO]-(:Shop) } AS n
WHERE n > 1
RETURN x.key AS key, n AS shopCount,
       CASE WHEN n <= $hubThreshold THEN COLLECT { MATCH (x)<-[:PAID_TO]-(s:Shop) RETURN s.id } ELSE [] END AS shops
