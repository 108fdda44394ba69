import path from 'node:path';
import { loadConfig, projectRoot } from '../config/env.js';
import { acceptDraft } from '../draft/accept.js';
import { runDraft } from '../draft/command.js';
import { formatRatio, leaveOneOut } from '../draft/evaluate.js';
import { DraftError, MAX_ARTICLE_BYTES } from '../draft/input.js';
import { draftSummary } from '../draft/summary.js';
import { displayPath, readSeeds } from '../seed/read-seeds.js';
import { reportSeedIssues } from './report-seed-issues.js';
import { parseCliPositionals, runCli } from './run-cli.js';

const HELP = `Usage: npm run draft -- ARTICLE.txt [--url URL] [--publisher ID|NAME] [--published DATE]
                        [--title T] [--language fr|en|vi] [--out FILE]
       npm run draft -- --accept seeds/drafts/<document-id>.yaml
       npm run draft -- --evaluate

Drafts the seed entries of an article for a curator to review: the document entry, every mention
of an entity the graph knows (by any name or alias, ignoring case, diacritics, apostrophes and
dashes), the new entities it proposes and why, and the facts it proposes, each with the shortest
quote that states it (verbatim), a confidence and the cue that produced it. A fact the graph
already holds from another article becomes more evidence for it. The draft is written to
seeds/drafts/<document-id>.yaml, which npm run seed and npm start never read; the graph is not
touched.

--accept merges what the curator kept into seeds/documents.yaml, seeds/entities/*.yaml and
seeds/facts/<document-id>.yaml (comments and layout of the existing files kept), copies the text
into the documents folder, and runs the full seed check first: if it fails, nothing is written and
every problem is printed as file:line:column: message.

--evaluate drafts each seed article against the seed graph without it (leave-one-out) and
prints how the drafts compare with the curated facts.

Options:
  --publisher ID|NAME  a known organization id (e.g. vietnam-news-agency), or the name the article writes
  --published DATE     publication date at its precision: 2019, 2019-12 or 2019-12-04
  --title T            the article's title (default: its first line)
  --language L         fr, en or vi (default: detected)
  --url URL            where the article was read (kept in the draft)
  --out FILE           write the draft there instead
  --seeds DIR          seed folder (default: seeds/)
  --documents DIR      folder of the article texts (default: SEED_DOCUMENTS_DIR or ../shared/seed-documents)

Limits: an article is a UTF-8 text file of at most ${MAX_ARTICLE_BYTES} bytes.
Exit codes: 0 drafted or accepted, 1 the seed check failed (nothing merged), 2 bad arguments,
3 an article that cannot be read (missing, empty, binary, not UTF-8, too large).
`;

runCli(async () => {
  const { values: args, positionals } = parseCliPositionals(HELP, {
    accept: { type: 'string' },
    evaluate: { type: 'boolean' },
    url: { type: 'string' },
    publisher: { type: 'string' },
    published: { type: 'string' },
    title: { type: 'string' },
    language: { type: 'string' },
    out: { type: 'string' },
    seeds: { type: 'string' },
    documents: { type: 'string' },
  });
  const config = loadConfig();
  const seedsDir = path.resolve(args.seeds ?? path.join(projectRoot, 'seeds'));
  const documentsDir = path.resolve(args.documents ?? config.documentsDir);
  try {
    if (args.evaluate) {
      const graph = readSeeds({ seedsDir, documentsDir, requireTexts: true });
      for (const r of leaveOneOut(graph, documentsDir)) {
        console.log(`${r.document}`);
        console.log(
          `  known-entity mentions resolved  ${formatRatio(r.knownMentions)} (in the curated quotes)`,
        );
        console.log(`  known entities resolved         ${formatRatio(r.knownResolved)}`);
        console.log(
          `  duplicates of known entities    ${r.duplicates.length}${r.duplicates.length ? ` (${r.duplicates.join(', ')})` : ''}`,
        );
        console.log(`  curated facts proposed          ${formatRatio(r.curatedFound)}`);
        console.log(`  proposals that are correct      ${formatRatio(r.proposalsCorrect)}`);
        console.log(
          `  dates right (value, precision)  ${formatRatio(r.dates)}; invented days: ${r.inventedDays}`,
        );
        console.log(`  quotes found verbatim           ${formatRatio(r.quotesVerbatim)}`);
        for (const m of r.missed) console.log(`  missed: ${m}`);
        for (const w of r.wrong) console.log(`  wrong:  ${w}`);
        for (const d of r.dateMisses) console.log(`  date:   ${d}`);
      }
      return 0;
    }
    if (args.accept !== undefined) {
      if (positionals.length > 0)
        throw new DraftError('USAGE', 'give either an article or --accept DRAFT, not both', 2);
      console.error(`checking the seeds with ${displayPath(args.accept)} merged ...`);
      const result = acceptDraft({ draftFile: path.resolve(args.accept), seedsDir, documentsDir });
      console.log(
        `accepted ${result.documentId}: ${result.added.entities} entities, ${result.added.facts} facts, ${result.added.evidence} entity evidence quotes`,
      );
      for (const file of result.changed) console.log(`  changed seeds/${file}`);
      if (result.copiedText) console.log(`  copied the text to ${result.copiedText}`);
      console.log('Load it with: npm run seed');
      return 0;
    }
    if (positionals.length !== 1)
      throw new DraftError(
        'USAGE',
        `give one article file (got ${positionals.length})\n\n${HELP}`,
        2,
      );
    console.error(`drafting ${positionals[0]} against the seeds in ${displayPath(seedsDir)} ...`);
    const { draft, file } = runDraft({
      article: positionals[0]!,
      seedsDir,
      documentsDir,
      url: args.url,
      publisher: args.publisher,
      published: args.published,
      title: args.title,
      language: args.language,
      out: args.out,
    });
    console.log(draftSummary(draft, displayPath(file)));
    return 0;
  } catch (error) {
    if (error instanceof DraftError) {
      console.error(`error [${error.code}]: ${error.message}`);
      return error.exitCode;
    }
    return reportSeedIssues(error, 'nothing was merged; the seed files are as they were');
  }
});
