MATCH (i:Import {id: $id})
SET i.status = $status, i.finishedAt = datetime(), i.durationMs = $durationMs, i.error = $error,
    i.read = $counts.read, i.accepted = $counts.accepted, i.rejected = $counts.rejected,
    i.created = $counts.created, i.updated = $counts.updated, i.moved = $counts.moved, i.perFile = $perFile, i.rejectsFile = $rejectsFile
RETURN i.source AS source, i.files AS files
