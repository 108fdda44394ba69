// After a bulk load: facts stated by several articles arrived once per article, possibly in
// concurrent transactions; their evidence count is recounted from the Evidence nodes. As a float,
// like every number the driver sends (the transactional load's counts), so both graphs are equal.
UNWIND $ids AS id
MATCH ()-[r:{{type}} {id: id}]->()
SET r.evidenceCount = toFloat(COUNT { (:Evidence {about: id}) })
