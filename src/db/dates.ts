import neo4j, { type Date as Neo4jDate } from 'neo4j-driver';

/** A day (YYYY-MM-DD, already checked) as the Neo4j date the graph stores bounds as. */
export function neo4jDate(day: string): Neo4jDate<number> {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new neo4j.types.Date(y, m, d);
}

/**
 * A day the caller filters by, as a statement parameter: a Neo4j date, or null for "any day"
 * ('' or absent). Statements compare it with the stored `*Min`/`*Max` dates as dates: comparing
 * ISO strings made Neo4j format two dates per row, ~10–30 % of q4's time in the database.
 */
export function dayParameter(day: string | null | undefined): Neo4jDate<number> | null {
  return day ? neo4jDate(day) : null;
}
