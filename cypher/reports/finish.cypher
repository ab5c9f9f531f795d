MATCH (r:Report {id: $id})
SET r.status = $status, r.finishedAt = datetime(), r.error = $error, r.runId = $runId, r.previousRunId = $previousRunId,
    r.summary = $summary, r.files = $files, r.dir = $dir
