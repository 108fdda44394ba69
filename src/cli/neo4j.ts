import { loadConfig } from '../config/env.js';
import { reset, start, status, stop } from '../local-neo4j/manager.js';
import { parseCliCommand, runCli } from './run-cli.js';

const HELP = `Usage: npm run neo4j -- <command>

Manages the project's own local Neo4j Community (embedded DBMS, Bolt on 127.0.0.1).

Commands:
  start    fetch and build if needed, start, and return once Bolt answers (prints the URI)
  stop     stop it cleanly
  status   say whether it runs, with its pid and URI
  reset    wipe its data (stops it first if it runs)

Settings (environment):
  NEO4J_LOCAL_PORT       Bolt port (default 7687)
  NEO4J_LOCAL_HOME       data and log folder (default .neo4j-local/dev)
  NEO4J_LOCAL_HEAP       JVM heap (default 1g)
  NEO4J_LOCAL_PAGECACHE  page cache (default 256m)
`;

runCli(async () => {
  const { command } = parseCliCommand(HELP, ['start', 'stop', 'status', 'reset'] as const, {});
  const settings = loadConfig().local;
  const log = (message: string) => console.error(message);
  switch (command) {
    case 'start': {
      const result = await start(settings, { log });
      console.log(
        result.alreadyRunning
          ? `Neo4j is already running (pid ${result.pid}) at ${result.uri}; left as it is`
          : `Neo4j is ready at ${result.uri} (pid ${result.pid})`,
      );
      return 0;
    }
    case 'stop':
      console.log((await stop(settings)) ? 'Neo4j stopped' : 'Neo4j was not running');
      return 0;
    case 'status': {
      const s = await status(settings);
      console.log(
        s.running ? `running (pid ${s.pid}) at ${s.uri}` : `not running (would use ${s.uri})`,
      );
      return s.running ? 0 : 3;
    }
    case 'reset': {
      const { wasRunning } = await reset(settings);
      console.log(
        `data wiped in ${settings.home}${wasRunning ? ' (it was running and was stopped first)' : ''}`,
      );
      return 0;
    }
  }
});
