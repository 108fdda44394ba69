import fs from 'node:fs';
import path from 'node:path';
import type { LocalNeo4jSettings } from '../config/env.js';

/**
 * The local Neo4j's store folders. `data/` is the DBMS the launcher runs; an offline import writes
 * a whole new DBMS into `data.importing/` and only a complete import replaces `data/`, by two
 * renames: data → data.previous, data.importing → data (then data.previous is deleted). A process
 * killed at any point leaves one of these states, and recoverStore turns each back into a usable
 * `data/`: the previous one, or the new one once it is complete.
 */

export const storeDir = (s: LocalNeo4jSettings) => path.join(s.home, 'data');
export const importingDir = (s: LocalNeo4jSettings) => path.join(s.home, 'data.importing');
export const previousDir = (s: LocalNeo4jSettings) => path.join(s.home, 'data.previous');

/**
 * Puts the store back in order after an interrupted import (called before every start and
 * import): an unfinished `data.importing/` is dropped, a swap cut between its two renames is
 * undone, and a finished swap's leftover `data.previous/` is deleted.
 */
export function recoverStore(s: LocalNeo4jSettings, log: (message: string) => void = () => {}) {
  if (importRunning(s)) return;
  if (fs.existsSync(importingDir(s))) {
    log(`removing ${importingDir(s)}, left by an import that did not finish`);
    fs.rmSync(importingDir(s), { recursive: true, force: true });
  }
  if (fs.existsSync(previousDir(s))) {
    if (fs.existsSync(storeDir(s))) {
      fs.rmSync(previousDir(s), { recursive: true, force: true });
    } else {
      log(`restoring ${storeDir(s)} from ${previousDir(s)} (an import was stopped mid-swap)`);
      fs.renameSync(previousDir(s), storeDir(s));
    }
  }
}

const lockFile = (s: LocalNeo4jSettings) => path.join(s.home, 'import.pid');

function importRunning(s: LocalNeo4jSettings): boolean {
  try {
    const pid = Number(fs.readFileSync(lockFile(s), 'utf8'));
    if (pid === process.pid) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Marks the home as being imported into by this process (so a start elsewhere does not take the
 * unfinished import for debris); fails when another live process holds the mark.
 */
export function lockForImport(s: LocalNeo4jSettings): () => void {
  if (importRunning(s))
    throw new Error(`another import into ${s.home} is running (see ${lockFile(s)})`);
  fs.mkdirSync(s.home, { recursive: true });
  fs.writeFileSync(lockFile(s), String(process.pid));
  return () => fs.rmSync(lockFile(s), { force: true });
}

/** Replaces the store with a completed import (the DBMS must be stopped). */
export function swapInImport(s: LocalNeo4jSettings): void {
  if (fs.existsSync(storeDir(s))) fs.renameSync(storeDir(s), previousDir(s));
  fs.renameSync(importingDir(s), storeDir(s));
  fs.rmSync(previousDir(s), { recursive: true, force: true });
}
