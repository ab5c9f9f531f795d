CREATE (i:Import {id: $id, source: $source, files: $files, status: 'running', startedAt: datetime(), heartbeatAt: datetime()})
