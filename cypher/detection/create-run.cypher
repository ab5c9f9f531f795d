CREATE (r:DetectionRun {id: $id, status: 'running', startedAt: datetime(), params: $params, seed: $seed, engine: $engine, trigger: $trigger})
