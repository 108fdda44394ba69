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
export function parseCliArgs<T extends CliOptions>(
  usage: string,
  options: T,
  args: string[] = process.argv.slice(2),
): CliValues<T> {
  return parseStrict(usage, options, args, false).values;
}

/**
 * Like parseCliArgs, for a command that takes one sub-command word first (`neo4j start`): the
 * word must be one of `commands`; a missing, unknown or extra word ends the command with the
 * usage and exit code 2, like an unknown option.
 */
export function parseCliCommand<T extends CliOptions, C extends string>(
  usage: string,
  commands: readonly C[],
  options: T,
  args: string[] = process.argv.slice(2),
): { command: C; values: CliValues<T> } {
  const { values, positionals } = parseStrict(usage, options, args, true);
  const [command, ...extra] = positionals;
  if (command === undefined) return usageError('a command is required', usage);
  if (!(commands as readonly string[]).includes(command)) {
    return usageError(`unknown command "${command}"`, usage);
  }
  if (extra.length > 0) return usageError(`unexpected argument "${extra[0]}"`, usage);
  return { command: command as C, values };
}

/** parseCliArgs for a command that also takes positional arguments (file names). */
export function parseCliPositionals<T extends CliOptions>(
  usage: string,
  options: T,
  args: string[] = process.argv.slice(2),
): { values: CliValues<T>; positionals: string[] } {
  return parseStrict(usage, options, args, true);
}

function parseStrict<T extends CliOptions>(
  usage: string,
  options: T,
  args: string[],
  allowPositionals: boolean,
): { values: CliValues<T>; positionals: string[] } {
  let parsed: { values: CliValues<T>; positionals: string[] };
  try {
    parsed = parseArgs({ args, options: { ...options, ...HELP_OPTION }, allowPositionals });
  } catch (error) {
    return usageError((error as Error).message, usage);
  }
  // `in` only for the type checker: with T generic it cannot resolve the `help` key.
  if ('help' in parsed.values && parsed.values.help) {
    console.log(usage);
    throw new CliExit(0);
  }
  return parsed;
}

function usageError(message: string, usage: string): never {
  console.error(`${message}\n\n${usage}`);
  throw new CliExit(2);
}
