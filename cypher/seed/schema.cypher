// Constraints and indexes of the graph; every statement is idempotent.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (e:Evidence) REQUIRE e.id IS UNIQUE;
CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (m:GraphMeta) REQUIRE m.id IS UNIQUE;
CREATE INDEX person_id IF NOT EXISTS FOR (n:Person) ON (n.id);
CREATE INDEX organization_id IF NOT EXISTS FOR (n:Organization) ON (n.id);
CREATE INDEX meeting_id IF NOT EXISTS FOR (n:Meeting) ON (n.id);
CREATE INDEX theme_id IF NOT EXISTS FOR (n:Theme) ON (n.id);
CREATE INDEX place_id IF NOT EXISTS FOR (n:Place) ON (n.id);
CREATE INDEX document_id IF NOT EXISTS FOR (n:Document) ON (n.id);
CREATE INDEX evidence_about IF NOT EXISTS FOR (e:Evidence) ON (e.about);
CREATE INDEX entity_sort_key IF NOT EXISTS FOR (n:Entity) ON (n.sortKey, n.id);
CREATE INDEX entity_name_key IF NOT EXISTS FOR (n:Entity) ON (n.nameKey, n.id);
CREATE INDEX meeting_sort_key IF NOT EXISTS FOR (n:Meeting) ON (n.sortKey, n.id);
CREATE INDEX meeting_name_key IF NOT EXISTS FOR (n:Meeting) ON (n.nameKey, n.id);
CREATE INDEX meeting_start_min IF NOT EXISTS FOR (n:Meeting) ON (n.startMin);
CREATE INDEX meeting_start_max IF NOT EXISTS FOR (n:Meeting) ON (n.startMax);
CREATE INDEX organization_kind IF NOT EXISTS FOR (n:Organization) ON (n.kind);
CREATE INDEX meeting_kind IF NOT EXISTS FOR (n:Meeting) ON (n.kind);
CREATE FULLTEXT INDEX entityNames IF NOT EXISTS
FOR (n:Person|Organization|Meeting|Theme|Place|Document) ON EACH [n.name, n.searchNames]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-folding', `fulltext.eventually_consistent`: false } };
