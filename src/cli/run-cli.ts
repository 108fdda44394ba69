/**
 * The edge where exceptions become exit codes and messages: every command's main runs through it.
 */
export function runCli(main: () => Promise<number | void>): void {
  main().then(
    (code) => {
      process.exitCode = code ?? 0;
    },
    (error: unknown) => {
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
