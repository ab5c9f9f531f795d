MATCH (i:Import {id: $id})
RETURN i.id AS id, i.source AS source, i.files AS files, i.status AS status, toString(i.startedAt) AS startedAt,
       toString(i.finishedAt) AS finishedAt, i.durationMs AS durationMs, i.error AS error, i.read AS read,
       i.accepted AS accepted, i.rejected AS rejected, i.created AS created, i.updated AS updated, i.moved AS moved,
       i.perFile AS perFile, i.rejectsFile AS rejectsFile,
       CASE WHEN i.bulkOutcome IS NULL THEN null ELSE {outcome: i.bulkOutcome, folder: i.bulkFolder, command: i.bulkCommand} END AS bulk
