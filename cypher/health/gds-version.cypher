// Fails (procedure unknown) when Graph Data Science is not installed; the repository turns that into "unavailable".
RETURN gds.version() AS version
