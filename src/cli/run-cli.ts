import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * Ends a command early with an exit code, once it has said why (the usage, or its help): thrown
 * by parseCliArgs so that each command reads its arguments in one line, and turned back into the
 * exit code by runCli without a further message.
 */
export class CliExit extends Error {
  constructor(readonly exitCode: number) {
    super(`exit ${exitCode}`);
  }
}

/**
 * The edge where exceptions become exit codes and messages: every command's main runs through it.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
      if (error instanceof CliExit) {
        process.exitCode = error.exitCode;
        return;
      }
      const err = error as Error & { code?: unknown };
      const code = typeof err.code === 'string' ? ` [${err.code}]` : '';
      console.error(`error${code}: ${err?.message ?? String(error)}`);
      if (process.env.DEBUG) console.error(err?.stack);
      process.exitCode = 1;
    },
  );
}

/** True when the arguments ask for help. */
export function wantsHelp(args: string[]): boolean {
  return args.includes('--help') || args.includes('-h');
}

type CliOptions = NonNullable<ParseArgsConfig['options']>;
const HELP_OPTION = { help: { type: 'boolean', short: 'h' } } as const;
type CliValues<T extends CliOptions> = ReturnType<
  typeof parseArgs<{ options: T & typeof HELP_OPTION }>
>['values'];

/**
 * The command line's options (node:util parseArgs, strict: no unknown options or positionals),
 * with -h/--help added. Ends the command through runCli: on --help, with the usage on stdout and
 * exit code 0; on bad arguments, with the parser's message and the usage on stderr and exit code 2.
 */
export function parseCliArgs<T extends CliOptions>(usage: string, options: T): CliValues<T> {
  return parseCliCommand(usage, options, false).values;
}

/** parseCliArgs for a command that also takes positional arguments (file names). */
export function parseCliCommand<T extends CliOptions>(
  usage: string,
  options: T,
  allowPositionals = true,
): { values: CliValues<T>; positionals: string[] } {
  let values: CliValues<T>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: { ...options, ...HELP_OPTION },
      allowPositionals,
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`);
    throw new CliExit(2);
  }
  // `in` only for the type checker: with T generic it cannot resolve the `help` key.
  if ('help' in values && values.help) {
    console.log(usage);
    throw new CliExit(0);
  }
  return { values, positionals };
}
