import { formatIssue, SeedValidationError } from '../seed/types.js';

/**
 * The edge of every command that checks a seed: each problem on its own line (file:line:column),
 * then how many and what was left undone (`outcome`), and exit code 1. Any other error is not a
 * seed problem and goes on up.
 */
export function reportSeedIssues(error: unknown, outcome: string): number {
  if (!(error instanceof SeedValidationError)) throw error;
  for (const issue of error.issues) console.error(formatIssue(issue));
  console.error(`\n${error.issues.length} problem(s): ${outcome}.`);
  return 1;
}
