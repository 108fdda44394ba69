// After a bulk load: facts stated by several articles arrived once per article, possibly in
// concurrent transactions; their evidence count is recounted from the Evidence nodes.
UNWIND $ids AS id
MATCH ()-[r:{{type}} {id: id}]->()
SET r.evidenceCount = COUNT { (:Evidence {about: id}) }
