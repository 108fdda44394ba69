// Facts are found by id ("why do we believe this edge?"), one index per relationship type.
CREATE INDEX fact_id_{{type}} IF NOT EXISTS FOR ()-[r:{{type}}]-() ON (r.id)
