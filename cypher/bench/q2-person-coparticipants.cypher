// Benchmark, hand-written: query 2, a person's first 20 meetings (by start date) and the first
// 20 participants of each (by name), with their roles: two levels.
MATCH (p:Person {id: $id})
RETURN p {
  .id, .name,
  meetings: COLLECT {
    MATCH (p)-[r:PARTICIPATED_IN]->(m:Meeting)
    WITH r, m ORDER BY coalesce(m.sortKey, ''), r.id LIMIT 20
    RETURN {role: r.role, id: m.id, name: m.name, start: m.start, participants: COLLECT {
      MATCH (m)<-[q:PARTICIPATED_IN]-(a:Entity)
      WITH q, a ORDER BY coalesce(a.sortKey, ''), q.id LIMIT 20
      RETURN {id: a.id, name: a.name, role: q.role}
    }}
  }
} AS person
