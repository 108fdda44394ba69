import type { Draft } from './model.js';

/** The review summary printed after drafting: what was resolved, proposed and why. */
export function draftSummary(draft: Draft, draftFile: string): string {
  const lines: string[] = [];
  const d = draft.document;
  lines.push(
    `Draft of ${d.id} (${d.language}, published ${d.published || '?'}, publisher ${d.publisher || '?'})`,
  );
  if (draft.alreadyInSeeds)
    lines.push('  This article is already in the seeds: only new evidence is proposed.');
  const known = new Map<string, number>();
  for (const m of draft.mentions)
    if (m.via === 'name' || m.via === 'short-form' || m.via === 'nested')
      known.set(m.id, (known.get(m.id) ?? 0) + 1);
  lines.push(
    `  known entities mentioned: ${known.size} (${[...known].map(([id, n]) => `${id} ×${n}`).join(', ') || 'none'})`,
  );
  lines.push(`  new entities proposed: ${draft.entities.length}`);
  for (const e of draft.entities) lines.push(`    + ${e.label} ${e.id} "${e.name}" — ${e.reason}`);
  const fresh = draft.facts.filter((f) => f.status === 'new');
  const evidence = draft.facts.filter((f) => f.status === 'add-evidence');
  lines.push(
    `  facts proposed: ${fresh.length} new, ${evidence.length} more evidence for facts the graph holds`,
  );
  for (const f of draft.facts) {
    const qualifiers = Object.entries({ ...f.qualifiers, ...f.dates })
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    lines.push(
      `    ${f.status === 'new' ? '+' : '='} ${f.type} ${f.from} → ${f.to}${qualifiers ? ` [${qualifiers}]` : ''} (${f.confidence.toFixed(2)}, ${f.cue})`,
    );
    lines.push(`        "${f.quotes[0]}"`);
  }
  lines.push(`  evidence for known entities: ${draft.entityEvidence.length} quotes`);
  for (const w of draft.warnings) lines.push(`  warning: ${w}`);
  lines.push(
    '',
    `Written to ${draftFile}. Review it, then: npm run draft -- --accept ${draftFile}`,
  );
  return lines.join('\n');
}
