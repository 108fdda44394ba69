import type { Driver } from 'neo4j-driver';
import { loadedSeedVersion, loadSeedGraph, type LoadSummary } from './load.js';
import { readSeeds, type ReadSeedOptions } from './read-seeds.js';

export interface EnsureSeededResult {
  loaded: boolean;
  version: string;
  summary?: LoadSummary;
  textsSkipped: string | null;
}

/** Loads the seed graph unless the database already holds this exact version of it. */
export async function ensureSeeded(
  driver: Driver,
  database: string | undefined,
  read: ReadSeedOptions,
  onProgress?: (message: string) => void,
): Promise<EnsureSeededResult> {
  const graph = readSeeds(read);
  if ((await loadedSeedVersion(driver, database)) === graph.version) {
    return { loaded: false, version: graph.version, textsSkipped: graph.textsSkipped };
  }
  const summary = await loadSeedGraph(driver, graph, { database, onProgress });
  return { loaded: true, version: graph.version, summary, textsSkipped: graph.textsSkipped };
}
