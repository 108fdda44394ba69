import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isMap, isSeq, LineCounter, parseDocument, YAMLMap, YAMLSeq, type Document } from 'yaml';
import { readSeeds, displayPath } from '../seed/read-seeds.js';
import { SeedValidationError, type SeedIssue } from '../seed/types.js';
import { ENTITY_KEYS, REVIEW_KEYS, seedQuoting } from './draft-file.js';
import { DraftError } from './input.js';

/**
 * Accepting a draft: what the curator kept is merged into documents.yaml, entities/*.yaml and
 * facts/<document>.yaml with the `yaml` Document API (comments and layout of the existing files
 * stay as they are), and the whole seed is checked by readSeeds on a staged copy first. Nothing
 * is written unless the check passes; then each file is replaced whole (write and rename).
 */

export interface AcceptOptions {
  draftFile: string;
  seedsDir: string;
  documentsDir: string;
}

export interface AcceptResult {
  documentId: string;
  changed: string[];
  added: { entities: number; facts: number; evidence: number };
  copiedText: string | undefined;
}

type Raw = Record<string, unknown>;

const ENTITY_FILE_OF: Record<string, string> = Object.fromEntries(
  Object.values(ENTITY_KEYS).map((key) => [key, `entities/${key}.yaml`]),
);

function withoutReviewKeys(item: Raw): Raw {
  return Object.fromEntries(
    Object.entries(item).filter(([k]) => !(REVIEW_KEYS as readonly string[]).includes(k)),
  );
}

/** Reads the draft, with file:line errors for broken YAML or a missing part. */
function readDraft(file: string): Raw {
  if (!fs.existsSync(file)) throw new DraftError('NOT_FOUND', `${file}: no such draft`, 2);
  const text = fs.readFileSync(file, 'utf8');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const { line, col } = lineCounter.linePos(e.pos[0]);
    throw new DraftError(
      'BAD_DRAFT',
      `${displayPath(file)}:${line}:${col}: ${e.message.split('\n')[0]}`,
      1,
    );
  }
  const value = doc.toJS() as Raw | null;
  const document = value?.document as Raw | undefined;
  if (!value || typeof document !== 'object' || typeof document.id !== 'string') {
    throw new DraftError(
      'BAD_DRAFT',
      `${displayPath(file)}:1:1: a draft needs a document with an id`,
      1,
    );
  }
  return value;
}

/** The seed files a merge touches, parsed, with their original text (to write only the changed). */
class SeedFiles {
  private readonly docs = new Map<string, { original: string | undefined; doc: Document }>();
  constructor(private readonly seedsDir: string) {}

  get(relative: string, empty: () => string): Document {
    let entry = this.docs.get(relative);
    if (!entry) {
      const file = path.join(this.seedsDir, relative);
      const original = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
      entry = { original, doc: parseDocument(original ?? empty()) };
      this.docs.set(relative, entry);
    }
    return entry.doc;
  }

  /** Every entity file, to find an entity by id. */
  entityFiles(): string[] {
    return Object.values(ENTITY_FILE_OF);
  }

  changed(): { relative: string; text: string }[] {
    const result: { relative: string; text: string }[] = [];
    for (const [relative, { original, doc }] of this.docs) {
      const text = doc.toString({ lineWidth: 0 });
      if (text !== original) result.push({ relative, text });
    }
    return result;
  }
}

function appendItem(doc: Document, key: string, item: Raw, spaced: boolean): void {
  let seq = doc.get(key, true);
  if (!isSeq(seq)) {
    seq = new YAMLSeq();
    doc.set(key, seq);
  }
  const node = doc.createNode(item);
  seedQuoting(node);
  // A new file's empty list ("facts: []") becomes a block list like the others.
  if ((seq as YAMLSeq).items.length === 0) (seq as YAMLSeq).flow = false;
  if (spaced && (seq as YAMLSeq).items.length > 0) node.spaceBefore = true;
  (seq as YAMLSeq).items.push(node);
}

/** Merges the draft into the seed files (in memory); returns the changed files' texts. */
function merge(draft: Raw, files: SeedFiles): { added: AcceptResult['added'] } {
  const document = withoutReviewKeys(draft.document as Raw);
  const documentId = String(document.id);
  const added = { entities: 0, facts: 0, evidence: 0 };

  const documents = files.get('documents.yaml', () => 'documents: []\n');
  const listed = (documents.toJS() as { documents?: Raw[] }).documents ?? [];
  if (!listed.some((d) => d.id === documentId)) appendItem(documents, 'documents', document, true);

  const entities = (draft.entities ?? {}) as Record<string, Raw[] | null>;
  for (const [key, items] of Object.entries(entities)) {
    const relative = ENTITY_FILE_OF[key];
    if (!relative)
      throw new DraftError(
        'BAD_DRAFT',
        `entities.${key}: unknown kind (expected ${Object.keys(ENTITY_FILE_OF).join(', ')})`,
        1,
      );
    for (const item of items ?? []) {
      appendItem(
        files.get(relative, () => `${key}: []\n`),
        key,
        withoutReviewKeys(item),
        true,
      );
      added.entities++;
    }
  }

  for (const evidence of (draft.entityEvidence ?? []) as Raw[]) {
    const target = findEntity(files, String(evidence.id));
    if (!target)
      throw new DraftError(
        'BAD_DRAFT',
        `entityEvidence: unknown entity "${String(evidence.id)}"`,
        1,
      );
    const list = target.get('evidence', true);
    const quote = String(evidence.quote);
    const existing = isSeq(list) ? (list.toJSON() as Raw[]) : [];
    if (existing.some((e) => e.document === documentId && e.quote === quote)) continue;
    const node = target.doc.createNode({ document: documentId, quote });
    seedQuoting(node);
    if (isSeq(list)) list.items.push(node);
    else target.set('evidence', target.doc.createNode([node]));
    added.evidence++;
  }

  const facts = (draft.facts ?? []) as Raw[];
  if (facts.length > 0) {
    const factsFile = files.get(
      `facts/${documentId}.yaml`,
      () => `document: ${documentId}\nfacts: []\n`,
    );
    for (const fact of facts) {
      appendItem(factsFile, 'facts', withoutReviewKeys(fact), true);
      added.facts++;
    }
  }
  return { added };
}

/** An entity's map node by id, in whichever entity file holds it. */
function findEntity(
  files: SeedFiles,
  id: string,
): { doc: Document; get: YAMLMap['get']; set: YAMLMap['set'] } | undefined {
  for (const relative of files.entityFiles()) {
    const key = path.basename(relative, '.yaml');
    const doc = files.get(relative, () => `${key}: []\n`);
    const seq = doc.get(key, true);
    if (!isSeq(seq)) continue;
    for (const item of seq.items) {
      if (isMap(item) && item.get('id') === id) {
        return { doc, get: item.get.bind(item), set: item.set.bind(item) };
      }
    }
  }
  return undefined;
}

/** The text file the document names, from the documents folder or the draft's source. */
function articleText(
  draft: Raw,
  documentsDir: string,
): { file: string; bytes: Buffer; copy: boolean } {
  const document = draft.document as Raw;
  const file = String(document.file);
  const inFolder = path.join(documentsDir, file);
  const source = typeof draft.source === 'string' ? draft.source : undefined;
  const bytes = fs.existsSync(inFolder)
    ? fs.readFileSync(inFolder)
    : source && fs.existsSync(source)
      ? fs.readFileSync(source)
      : undefined;
  if (!bytes)
    throw new DraftError(
      'NOT_FOUND',
      `the article's text is neither ${inFolder} nor the draft's source ${source ?? '(none)'}`,
      1,
    );
  const sha = crypto.createHash('sha256').update(bytes).digest('hex');
  if (sha !== document.sha256)
    throw new DraftError(
      'TEXT_CHANGED',
      `the text of ${file} has SHA-256 ${sha}, the draft records ${String(document.sha256)}`,
      1,
    );
  return { file, bytes, copy: !fs.existsSync(inFolder) };
}

/** Issues found in the staged copy, shown with the real seed paths. */
function relocate(issues: SeedIssue[], staged: string, seedsDir: string): SeedIssue[] {
  const stagedShown = displayPath(staged);
  return issues.map((issue) => ({
    ...issue,
    file: issue.file.startsWith(stagedShown)
      ? displayPath(path.join(seedsDir, path.relative(stagedShown, issue.file)))
      : issue.file,
  }));
}

export function acceptDraft(options: AcceptOptions): AcceptResult {
  const draft = readDraft(options.draftFile);
  const files = new SeedFiles(options.seedsDir);
  const { added } = merge(draft, files);
  const text = articleText(draft, options.documentsDir);
  const changed = files.changed();

  // Stage: a copy of the seeds with the merged files, and the texts with the new one beside them.
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'kg-accept-'));
  try {
    const stagedSeeds = path.join(stage, 'seeds');
    const stagedTexts = path.join(stage, 'texts');
    fs.cpSync(options.seedsDir, stagedSeeds, { recursive: true });
    fs.rmSync(path.join(stagedSeeds, 'drafts'), { recursive: true, force: true });
    for (const { relative, text: content } of changed) {
      fs.mkdirSync(path.dirname(path.join(stagedSeeds, relative)), { recursive: true });
      fs.writeFileSync(path.join(stagedSeeds, relative), content);
    }
    fs.mkdirSync(stagedTexts);
    if (fs.existsSync(options.documentsDir))
      for (const name of fs.readdirSync(options.documentsDir))
        fs.symlinkSync(path.resolve(options.documentsDir, name), path.join(stagedTexts, name));
    if (text.copy) fs.writeFileSync(path.join(stagedTexts, text.file), text.bytes);
    try {
      readSeeds({ seedsDir: stagedSeeds, documentsDir: stagedTexts, requireTexts: true });
    } catch (error) {
      if (error instanceof SeedValidationError)
        throw new SeedValidationError(relocate(error.issues, stagedSeeds, options.seedsDir));
      throw error;
    }
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }

  // Valid: the text first (the seed will name it), then each file replaced whole.
  if (text.copy) {
    fs.mkdirSync(options.documentsDir, { recursive: true });
    fs.writeFileSync(path.join(options.documentsDir, text.file), text.bytes, { flag: 'wx' });
  }
  for (const { relative, text: content } of changed) {
    const target = path.join(options.seedsDir, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temporary = `${target}.accept-${process.pid}`;
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, target);
  }
  return {
    documentId: String((draft.document as Raw).id),
    changed: changed.map((c) => c.relative),
    added,
    copiedText: text.copy ? path.join(options.documentsDir, text.file) : undefined,
  };
}
