// Benchmark, hand-written (one round trip): query 1, a meeting with its chairs (20), participants
// (50) and themes (20), in the API's order (other end's sortKey, then fact id), each fact and the
// meeting itself with their quotes and documents.
MATCH (m:Meeting {id: $id})
RETURN m {
  .id, .name, .kind, .start, .end,
  evidence: COLLECT {
    MATCH (e:Evidence {about: m.id})-[:CITED_IN]->(d:Document)
    RETURN {quote: e.quote, document: d.id}
  },
  chairs: COLLECT {
    MATCH (m)<-[r:CHAIRED]-(a:Entity)
    WITH r, a ORDER BY coalesce(a.sortKey, ''), r.id LIMIT 20
    RETURN {id: a.id, name: a.name, capacity: r.capacity, evidence: COLLECT {
      MATCH (e:Evidence {about: r.id})-[:CITED_IN]->(d:Document)
      RETURN {quote: e.quote, document: d.id}
    }}
  },
  participants: COLLECT {
    MATCH (m)<-[r:PARTICIPATED_IN]-(a:Entity)
    WITH r, a ORDER BY coalesce(a.sortKey, ''), r.id LIMIT 50
    RETURN {id: a.id, name: a.name, role: r.role, capacity: r.capacity,
      onBehalfOf: COLLECT { MATCH (o:Organization {id: r.onBehalfOf}) RETURN {id: o.id, name: o.name} }[0],
      evidence: COLLECT {
        MATCH (e:Evidence {about: r.id})-[:CITED_IN]->(d:Document)
        RETURN {quote: e.quote, document: d.id}
      }}
  },
  themes: COLLECT {
    MATCH (m)-[r:COVERED]->(t:Theme)
    WITH r, t ORDER BY coalesce(t.sortKey, ''), r.id LIMIT 20
    RETURN {id: t.id, name: t.name, evidence: COLLECT {
      MATCH (e:Evidence {about: r.id})-[:CITED_IN]->(d:Document)
      RETURN {quote: e.quote, document: d.id}
    }}
  }
} AS meeting
