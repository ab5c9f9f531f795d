// Shops reinstated on appeal since the last report: who decided, and why.
MATCH (s:Shop)
WHERE s.reinstatedAt IS NOT NULL AND ($since IS NULL OR s.reinstatedAt >= datetime($since))
RETURN s.id AS shopId, s.name AS shopName, s.reinstatedBy AS by, s.reinstateReason AS reason, toString(s.reinstatedAt) AS at
ORDER BY s.reinstatedAt, s.id
