// How a bulk first load ended beyond its counts: `imported` (the local store was loaded) or `written` (the
// importer's files wait in $folder for the operator of a server of one's own to run $command).
MATCH (i:Import {id: $id})
SET i.bulkOutcome = $outcome, i.bulkFolder = $folder, i.bulkCommand = $command
RETURN i.id AS id
