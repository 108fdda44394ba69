// After a bulk load the deferred indexes populate from millions of entries: wait up to an hour.
CALL db.awaitIndexes(3600)
