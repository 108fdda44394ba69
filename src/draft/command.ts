import fs from 'node:fs';
import path from 'node:path';
import { readSeeds } from '../seed/read-seeds.js';
import type { SeedGraph } from '../seed/types.js';
import { parsePublished } from './dates.js';
import { draftArticle, type ArticleInput } from './draft-article.js';
import { draftToYaml } from './draft-file.js';
import { DraftError, readArticle, titleOf } from './input.js';
import { detectLanguage, isDraftLanguage, type DraftLanguage } from './language.js';
import type { Draft } from './model.js';

/** `npm run draft -- ARTICLE.txt`: reads the article and the seeds, writes the draft. */

export interface DraftCommand {
  article: string;
  seedsDir: string;
  documentsDir: string;
  url?: string;
  publisher?: string;
  published?: string;
  title?: string;
  language?: string;
  /** Where to write the draft (default seeds/drafts/<document-id>.yaml). */
  out?: string;
}

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The options a curator gives, checked against the seed graph (exit code 2 when wrong). */
export function articleInput(command: DraftCommand, graph: SeedGraph): ArticleInput {
  const article = readArticle(command.article);
  let language: DraftLanguage;
  if (command.language !== undefined) {
    if (!isDraftLanguage(command.language))
      throw new DraftError(
        'BAD_LANGUAGE',
        `--language ${command.language}: expected fr, en or vi`,
        2,
      );
    language = command.language;
  } else {
    const detected = detectLanguage(article.text);
    if (!detected)
      throw new DraftError(
        'UNKNOWN_LANGUAGE',
        `could not tell the article's language: give --language fr, en or vi`,
        2,
      );
    language = detected;
  }
  let published: ArticleInput['published'];
  if (command.published !== undefined) {
    const parsed = parsePublished(command.published);
    if (typeof parsed === 'string') throw new DraftError('BAD_DATE', `--published: ${parsed}`, 2);
    published = parsed;
  }
  let publisher: ArticleInput['publisher'];
  if (command.publisher !== undefined) {
    const known = graph.entities.find((e) => e.id === command.publisher);
    if (known && known.label === 'Organization') publisher = { id: known.id };
    else if (SLUG.test(command.publisher))
      throw new DraftError(
        'UNKNOWN_PUBLISHER',
        `--publisher ${command.publisher}: no organization has this id (give a known id, or the publisher's name as the article writes it)`,
        2,
      );
    else publisher = { name: command.publisher };
  }
  return {
    text: article.text,
    file: path.basename(command.article),
    sha256: article.sha256,
    language,
    title: titleOf(article.text, command.title),
    publisher,
    published,
  };
}

export function runDraft(command: DraftCommand): { draft: Draft; file: string } {
  // The article is checked before the seeds are read: a wrong path should not wait for the seed.
  readArticle(command.article);
  const graph = readSeeds({
    seedsDir: command.seedsDir,
    documentsDir: command.documentsDir,
    requireTexts: false,
  });
  const input = articleInput(command, graph);
  const draft = draftArticle(input, graph);
  const file = command.out ?? path.join(command.seedsDir, 'drafts', `${draft.document.id}.yaml`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, draftToYaml(draft, path.resolve(command.article), command.url));
  return { draft, file };
}
