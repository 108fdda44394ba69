/** The graph's counts as the loaders report them on stdout: nodes by label, relationships by type. */
export function printGraphCounts(counts: {
  labels: Record<string, number>;
  types: Record<string, number>;
}): void {
  printCountTable('nodes by label:', counts.labels);
  printCountTable('relationships by type:', counts.types);
}

function printCountTable(title: string, counts: Record<string, number>): void {
  console.log(title);
  for (const [name, count] of Object.entries(counts)) console.log(`  ${name.padEnd(16)} ${count}`);
}
