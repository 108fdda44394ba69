// Benchmark, hand-written: query 3, a theme's first page of 20 meetings (by start date) with the
// first 5 chairs of each, and the theme's meeting count.
MATCH (t:Theme {id: $id})
RETURN t {
  .id, .name,
  total: COUNT { (t)<-[:COVERED]-() },
  meetings: COLLECT {
    MATCH (t)<-[r:COVERED]-(m:Meeting)
    WITH r, m ORDER BY coalesce(m.sortKey, ''), r.id LIMIT 20
    RETURN {id: m.id, name: m.name, start: m.start, chairs: COLLECT {
      MATCH (m)<-[c:CHAIRED]-(a:Entity)
      WITH c, a ORDER BY coalesce(a.sortKey, ''), c.id LIMIT 5
      RETURN {id: a.id, name: a.name, capacity: c.capacity}
    }}
  }
} AS theme
