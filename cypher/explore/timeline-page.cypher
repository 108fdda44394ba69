// One page of an actor's timeline: its facts of the types {{types}} (meetings it chaired, took
// part in, organized or hosted; posts; memberships; presidencies), each placed in time by its
// own start (or attested date), else, for a meeting, by the meeting's start and end. Order:
// the first day of that date's period, then the last day of the entry's period, then fact id
// (ISO days sort as text), so "2020" sorts at 2020-01-01 without being given a day; undated
// facts last ('~' sorts after digits). Read {{order}} from keyset bounds as in
// read/relationship-pages/relationship-page.cypher. `actorLabels` is null when no entity has the id.
OPTIONAL MATCH (a:Entity {id: $actorId})
CALL (a) {
  MATCH (a)-[r:{{types}}]->(x:Entity)
  WITH r, x, r.start IS NOT NULL OR r.attested IS NOT NULL AS own,
       CASE WHEN x:Meeting THEN x END AS m
  WITH r, x,
       CASE WHEN own THEN coalesce(r.start, r.attested) ELSE m.start END AS date,
       CASE WHEN own THEN r.end ELSE m.end END AS endDate,
       CASE WHEN own THEN coalesce(r.startMin, r.attestedMin) ELSE m.startMin END AS firstDay,
       CASE WHEN own THEN coalesce(r.endMax, r.startMax, r.attestedMax)
            ELSE coalesce(m.endMax, m.startMax) END AS lastDay
  WITH r, x, date, endDate,
       CASE WHEN firstDay IS NULL THEN '~' ELSE toString(firstDay) + ' ' + toString(lastDay) END AS key
  WHERE ($lowerId IS NULL OR [key, r.id] > [$lowerKey, $lowerId])
    AND ($upperId IS NULL OR [key, r.id] < [$upperKey, $upperId])
  ORDER BY key {{order}}, r.id {{order}}
  LIMIT toInteger($limit)
  RETURN collect({key: key, id: r.id, date: date, endDate: endDate,
                  type: type(r), fact: properties(r), subjectId: startNode(r).id,
                  objectId: endNode(r).id, node: properties(x), labels: labels(x)}) AS page
}
RETURN labels(a) AS actorLabels, page, COUNT { (a)-[:{{types}}]->(:Entity) } AS total
