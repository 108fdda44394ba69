import type { Db } from '../read/db.js';
import type { Reads } from '../read/reads.js';
import type { PlannedRead } from '../read/planner/planned-read.js';
import type { Logger } from '../server/logger.js';

/** What every resolver of one request sees. */
export interface GraphQLContext {
  requestId: string;
  /** The request's Db: its round-trip count goes into the response's extensions. */
  db: Db;
  reads: Reads;
  logger: Logger;
  /** The request's planned root fields, when the query planner answers some (src/read/planner). */
  planned?: PlannedRead;
}
