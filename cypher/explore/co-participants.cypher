// The actors who chaired or took part in (CHAIRED, PARTICIPATED_IN) a meeting that the actor
// $actorId chaired or took part in: each with how many such meetings the two share and the
// latest $meetings of them (by start, undated last), strongest first, then by name and id.
// `actorLabels` is null when no entity has the id.
OPTIONAL MATCH (a:Entity {id: $actorId})
CALL (a) {
  MATCH (a)-[:CHAIRED|PARTICIPATED_IN]->(m:Meeting)<-[:CHAIRED|PARTICIPATED_IN]-(x:Person|Organization)
  WHERE x <> a
  WITH x, collect(DISTINCT m) AS meetings
  WITH x, meetings, size(meetings) AS shared
  ORDER BY shared DESC, x.nameKey, x.id
  LIMIT toInteger($limit)
  CALL (meetings) {
    UNWIND meetings AS m
    WITH m
    ORDER BY coalesce(m.sortKey, '') DESC, m.id
    LIMIT toInteger($meetings)
    RETURN collect({node: properties(m), labels: labels(m)}) AS latest
  }
  RETURN collect({node: properties(x), labels: labels(x), shared: shared, meetings: latest}) AS coParticipants
}
RETURN labels(a) AS actorLabels, coParticipants
