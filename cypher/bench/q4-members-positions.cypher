// Benchmark, hand-written: query 4, an organization's members (50) and the posts held in each
// (20), both as of day $asOf, with the API's interval rule: a fact holds from
// (start ?? attested).firstDay to (end ?? attested).lastDay, a missing bound being open.
MATCH (o:Organization {id: $id})
RETURN o {
  .id, .name,
  members: COLLECT {
    MATCH (o)<-[r:MEMBER_OF]-(x:Organization)
    WHERE coalesce(toString(r.startMin), toString(r.attestedMin), $asOf) <= $asOf
      AND coalesce(toString(r.endMax), toString(r.attestedMax), $asOf) >= $asOf
    WITH r, x ORDER BY coalesce(x.sortKey, ''), r.id LIMIT 50
    RETURN {role: r.role, id: x.id, name: x.name, positions: COLLECT {
      MATCH (x)<-[h:HELD_POSITION]-(p:Person)
      WHERE coalesce(toString(h.startMin), toString(h.attestedMin), $asOf) <= $asOf
        AND coalesce(toString(h.endMax), toString(h.attestedMax), $asOf) >= $asOf
      WITH h, p ORDER BY coalesce(p.sortKey, ''), h.id LIMIT 20
      RETURN {id: p.id, name: p.name, title: h.title, start: h.start, end: h.end}
    }}
  }
} AS organization
