MATCH (x:Shutdown {id: $id})
RETURN x.id AS id, x.clusterId AS clusterId, x.runId AS runId, x.reason AS reason, x.excluded AS excluded, x.status AS status,
       x.proposedBy AS proposedBy, toString(x.proposedAt) AS proposedAt, x.decidedBy AS decidedBy, toString(x.decidedAt) AS decidedAt,
       x.decisionNote AS decisionNote, toString(x.executionStartedAt) AS executionStartedAt, toString(x.executedAt) AS executedAt,
       x.shopsTotal AS shopsTotal, x.shopsDone AS shopsDone, x.listingsDelisted AS listingsDelisted, x.preview AS preview,
       [(x)-[:TARGETS]->(s:Shop) | s.id] AS shops,
       // Shops given back on appeal, with who, when and why (the reason on the link since it was kept there).
       [(x)-[t:TARGETS]->(s:Shop) WHERE t.reinstatedAt IS NOT NULL |
         {shopId: s.id, at: toString(t.reinstatedAt), by: t.reinstatedBy, reason: coalesce(t.reinstateReason, s.reinstateReason)}] AS reinstated
