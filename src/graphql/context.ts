import type { Db } from '../data/db.js';
import type { GraphData } from '../data/graph-data.js';
import type { PlannedRead } from '../planner/planned-read.js';
import type { Logger } from '../server/logger.js';

/** What every resolver of one request sees. */
export interface GraphQLContext {
  requestId: string;
  /** The request's Db: its round-trip count goes into the response's extensions. */
  db: Db;
  data: GraphData;
  logger: Logger;
  /** The request's planned root fields, when the query planner answers some (src/planner). */
  planned?: PlannedRead;
}
