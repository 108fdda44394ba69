// Everything the target database holds, whoever wrote it (an import replaces it all).
RETURN COUNT { MATCH (n) } AS nodes, COUNT { MATCH ()-[r]->() } AS relationships
