// The filters of the meeting list on m's relationships: '' means no filter. partOf follows
// PART_OF through any number of levels (a session of a meeting of a series).
($chairedBy = '' OR EXISTS { (m)<-[:CHAIRED]-(:Entity {id: $chairedBy}) })
AND ($participant = '' OR EXISTS { (m)<-[:PARTICIPATED_IN]-(:Entity {id: $participant}) })
AND ($theme = '' OR EXISTS { (m)-[:COVERED]->(:Theme {id: $theme}) })
AND ($place = '' OR EXISTS { (m)-[:HELD_IN]->(:Place {id: $place}) })
AND ($partOf = '' OR EXISTS { (m)-[:PART_OF*1..]->(:Meeting {id: $partOf}) })
