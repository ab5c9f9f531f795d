// Payout accounts shared by two or more shops; members listed only up to the hub threshold.
MATCH (a:PaymentAccount)
WITH a, COUNT { (a)<-[:PAID_TO]-(:Shop) } AS n
WHERE n > 1
RETURN a.key AS key, n AS shopCount,
       CASE WHEN n <= $hubThreshold THEN COLLECT { MATCH (a)<-[:PAID_TO]-(s:Shop) RETURN s.id } ELSE [] END AS shops
