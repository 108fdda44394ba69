// Benchmark, hand-written: query 4, an organization's members (50) and the posts held in each
// (20), both as of day $asOf, with the API's interval rule: a fact holds from
// (start ?? attested).firstDay to (end ?? attested).lastDay, a missing bound being open. The
// stored bounds are dates, compared as dates.
WITH date($asOf) AS day
MATCH (o:Organization {id: $id})
RETURN o {
  .id, .name,
  members: COLLECT {
    MATCH (o)<-[r:MEMBER_OF]-(x:Organization)
    WHERE coalesce(r.startMin, r.attestedMin, day) <= day
      AND coalesce(r.endMax, r.attestedMax, day) >= day
    WITH r, x ORDER BY coalesce(x.sortKey, ''), r.id LIMIT 50
    RETURN {role: r.role, id: x.id, name: x.name, positions: COLLECT {
      MATCH (x)<-[h:HELD_POSITION]-(p:Person)
      WHERE coalesce(h.startMin, h.attestedMin, day) <= day
        AND coalesce(h.endMax, h.attestedMax, day) >= day
      WITH h, p ORDER BY coalesce(p.sortKey, ''), h.id LIMIT 20
      RETURN {id: p.id, name: p.name, title: h.title, start: h.start, end: h.end}
    }}
  }
} AS organization
