import crypto from 'node:crypto';
import { ticker, type StepReport } from '../progress/progress.js';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/env.js';
import { FileWriter } from '../seed/file-writer.js';
import type { RelationshipType } from '../model/graph-model.js';
import type { Lang } from './names.js';
import * as say from './sentences.js';
import { isoAt, World, type Meeting, type Organization, type PartialDay } from './world.js';

/**
 * Writes a synthetic seed in the seed format (documents.yaml, entities/<kind>.yaml,
 * facts/<document>.yaml, seed.schema.json) with the article texts under documents/, streaming
 * one article at a time: memory stays flat whatever the scale.
 */

export const GENERATOR_FORMAT = 'kg-synthetic-v1';
const MANIFEST = 'manifest.json';
const QUOTE_MAX = 400;

export interface GenerateOptions {
  scale: number;
  seed: number;
  outDir: string;
  onProgress?: (message: string) => void;
  onStep?: StepReport;
}

export interface GenerateSummary {
  outDir: string;
  documentsDir: string;
  documents: number;
  entities: Record<string, number>;
  facts: number;
  evidence: number;
  bytes: number;
  millis: number;
}

export function defaultOutDir(scale: number, seed: number): string {
  return path.join(projectRoot, 'bench', 'data', `scale-${scale}-seed-${seed}`);
}

/** A YAML double-quoted scalar (JSON strings are valid YAML). */
const q = (text: string) => JSON.stringify(text);

/** A quote is at most 400 characters: long sentences are quoted up to a word boundary. */
function quoteOf(sentence: string): string {
  if (sentence.length <= QUOTE_MAX) return sentence;
  const cut = sentence.lastIndexOf(' ', QUOTE_MAX);
  return sentence.slice(0, cut > 0 ? cut : QUOTE_MAX);
}

interface FactOut {
  type: RelationshipType;
  from: string;
  to: string;
  qualifiers: [string, string][];
  quote: string;
}

function dateQualifiers(start?: PartialDay, end?: PartialDay): [string, string][] {
  return [
    ...(start ? [['start', isoAt(start)] as [string, string]] : []),
    ...(end ? [['end', isoAt(end)] as [string, string]] : []),
  ];
}

function entityYaml(fields: {
  id: string;
  name: string;
  extra?: [string, string | number][];
  labels: Partial<Record<Lang, string>>;
  aliases?: { text: string; lang: Lang }[];
  wikidata?: string;
  document: string;
  quote: string;
}): string {
  const lines = [`  - id: ${fields.id}`, `    name: ${q(fields.name)}`];
  for (const [key, value] of fields.extra ?? [])
    lines.push(`    ${key}: ${typeof value === 'number' ? value : q(value)}`);
  const labels = Object.entries(fields.labels).map(([lang, text]) => `${lang}: ${q(text!)}`);
  lines.push(`    labels: { ${labels.join(', ')} }`);
  const aliases = (fields.aliases ?? []).filter(
    (a, i, all) => all.findIndex((b) => b.text === a.text && b.lang === a.lang) === i,
  );
  if (aliases.length) {
    lines.push('    aliases:');
    for (const a of aliases) lines.push(`      - { text: ${q(a.text)}, lang: ${a.lang} }`);
  }
  if (fields.wikidata) lines.push(`    externalIds: { wikidata: ${fields.wikidata} }`);
  lines.push(
    '    evidence:',
    `      - document: ${fields.document}`,
    `        quote: ${q(fields.quote)}`,
  );
  return `${lines.join('\n')}\n`;
}

function factYaml(f: FactOut): string {
  const lines = [`  - type: ${f.type}`, `    from: ${f.from}`, `    to: ${f.to}`];
  for (const [key, value] of f.qualifiers) lines.push(`    ${key}: ${q(value)}`);
  lines.push('    evidence:', `      - quote: ${q(f.quote)}`);
  return `${lines.join('\n')}\n`;
}

/** Refuses to wipe a folder the generator did not write. */
function prepareOutDir(outDir: string): void {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) {
    if (!fs.existsSync(path.join(outDir, MANIFEST))) {
      throw new Error(
        `${outDir} is not empty and holds no ${MANIFEST} from this generator: refusing to overwrite it`,
      );
    }
    fs.rmSync(outDir, { recursive: true, force: true });
  }
  for (const sub of ['entities', 'facts', 'documents'])
    fs.mkdirSync(path.join(outDir, sub), { recursive: true });
}

export function generate(options: GenerateOptions): GenerateSummary {
  const started = Date.now();
  const { outDir, seed, scale } = options;
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`scale must be > 0, got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  const world = new World(seed, scale);
  prepareOutDir(outDir);
  fs.copyFileSync(
    path.join(projectRoot, 'seeds', 'seed.schema.json'),
    path.join(outDir, 'seed.schema.json'),
  );

  const documentsDir = path.join(outDir, 'documents');
  const out = {
    documents: new FileWriter(path.join(outDir, 'documents.yaml')),
    persons: new FileWriter(path.join(outDir, 'entities', 'persons.yaml')),
    organizations: new FileWriter(path.join(outDir, 'entities', 'organizations.yaml')),
    meetings: new FileWriter(path.join(outDir, 'entities', 'meetings.yaml')),
    themes: new FileWriter(path.join(outDir, 'entities', 'themes.yaml')),
    places: new FileWriter(path.join(outDir, 'entities', 'places.yaml')),
  };
  out.documents.write(
    `# Synthetic articles (${GENERATOR_FORMAT}, scale ${scale}, seed ${seed}); texts in documents/.\ndocuments:\n`,
  );
  for (const key of ['persons', 'organizations', 'meetings', 'themes', 'places'] as const)
    out[key].write(`${key}:\n`);

  const { counts } = world;
  let facts = 0;
  let evidence = 0;
  let textBytes = 0;
  let factBytes = 0;
  const tick = ticker(options);

  for (let d = 0; d < world.documents; d++) {
    const doc = world.document(d);
    const lang = doc.language;
    const publisher = world.organization(doc.publisher);
    const docFacts: FactOut[] = [];
    const intro: string[] = [];
    const paragraphs: string[] = [];
    const fact = (
      type: RelationshipType,
      from: string,
      to: string,
      sentence: string,
      qualifiers: [string, string][] = [],
    ) => docFacts.push({ type, from, to, qualifiers, quote: quoteOf(sentence) });

    const head = say.byline(publisher, doc.published, lang);
    fact('PUBLISHED', publisher.id, doc.id, head);

    // Meetings: one paragraph each.
    const [first, end] = doc.meetings;
    let title: string | null = null;
    for (let m = first; m < end; m++) {
      const meeting = world.meeting(m);
      title ??= lang === 'fr' ? meeting.fr : meeting.name;
      const place = world.place(meeting.place);
      const sentences: string[] = [];
      const opening = say.meetingIntro(meeting, place, lang);
      sentences.push(opening);
      out.meetings.write(meetingYaml(meeting, doc.id, quoteOf(opening)));
      evidence++;
      fact('HELD_IN', meeting.id, place.id, opening);
      if (meeting.partOf !== undefined) {
        const series = world.meeting(meeting.partOf);
        const s = say.seriesSentence(meeting, series, lang);
        sentences.push(s);
        fact('PART_OF', meeting.id, series.id, s);
      }
      if (meeting.organizer !== undefined) {
        const org = world.organization(meeting.organizer);
        const s = say.organizedSentence(org, meeting, lang);
        sentences.push(s);
        fact('ORGANIZED', org.id, meeting.id, s);
      }
      if (meeting.host !== undefined) {
        const org = world.organization(meeting.host);
        const s = say.hostedSentence(org, meeting, lang);
        sentences.push(s);
        fact('HOSTED', org.id, meeting.id, s);
      }
      const chair = chairFact(world, meeting, lang, false);
      if (chair) {
        sentences.push(chair.sentence);
        fact('CHAIRED', chair.from, meeting.id, chair.sentence, chair.qualifiers);
      }
      if (meeting.chairOrganization !== undefined) {
        const org = world.organization(meeting.chairOrganization);
        const s = say.chairSentence(lang === 'fr' ? org.fr : org.name, meeting, lang);
        sentences.push(s);
        fact('CHAIRED', org.id, meeting.id, s, [['capacity', 'Chair of the meeting']]);
      }
      for (const { person, role } of meeting.participants) {
        const p = world.person(person);
        const org = world.organization(p.affiliation);
        const s = say.participantSentence(p, role, meeting, org, lang);
        sentences.push(s);
        fact('PARTICIPATED_IN', p.id, meeting.id, s, [
          ['role', role],
          ['capacity', say.capacity(p, org)],
          ['onBehalfOf', org.id],
        ]);
      }
      for (const k of meeting.organizations) {
        const org = world.organization(k);
        const s = say.representedSentence(org, meeting, lang);
        sentences.push(s);
        fact('PARTICIPATED_IN', org.id, meeting.id, s, [['role', 'participant']]);
      }
      for (const t of meeting.themes) {
        const theme = world.theme(t);
        const s = say.coveredSentence(theme, meeting, lang);
        sentences.push(s);
        fact('COVERED', meeting.id, theme.id, s);
      }
      paragraphs.push(sentences.join(' '));
    }

    // Background: the people, organizations, themes and places this article introduces.
    const [p0, p1] = world.homeRange(counts.persons, d);
    for (let j = p0; j < p1; j++) {
      const p = world.person(j);
      const org = world.organization(p.affiliation);
      const s = say.personIntro(p, org, lang);
      intro.push(s);
      out.persons.write(
        entityYaml({
          id: p.id,
          name: p.name,
          labels: p.vietnamese ? { en: p.ascii, vi: p.name } : { en: p.name, fr: p.name },
          aliases: p.ascii !== p.name ? [{ text: p.ascii, lang: p.vietnamese ? 'vi' : 'en' }] : [],
          document: doc.id,
          quote: quoteOf(s),
        }),
      );
      evidence++;
      fact('HELD_POSITION', p.id, org.id, s, [
        ['title', p.title.en],
        ...dateQualifiers(p.start, p.end).map(([k, v]): [string, string] => [k, v]),
      ]);
    }
    const [o0, o1] = world.homeRange(counts.organizations, d);
    for (let k = o0; k < o1; k++) {
      const org = world.organization(k);
      const s = say.organizationIntro(org, lang);
      intro.push(s);
      out.organizations.write(organizationYaml(org, doc.id, quoteOf(s)));
      evidence++;
      for (const of of org.memberOf) {
        const igo = world.organization(of);
        const m = say.memberSentence(org, igo, lang);
        intro.push(m);
        fact('MEMBER_OF', org.id, igo.id, m, [['role', 'member']]);
      }
      for (const member of org.members ?? []) {
        const state = world.organization(member);
        const m = say.memberSentence(state, org, lang);
        intro.push(m);
        fact('MEMBER_OF', state.id, org.id, m, [['role', 'member']]);
      }
      if (org.partOf !== undefined) {
        const parent = world.organization(org.partOf);
        const m = say.partOfOrganizationSentence(org, parent, lang);
        intro.push(m);
        fact('PART_OF', org.id, parent.id, m);
      }
      for (const { state, year } of world.presidencies(org)) {
        const chair = world.organization(state);
        const m = say.presidedSentence(chair, org, year, lang);
        intro.push(m);
        fact('PRESIDED', chair.id, org.id, m, [
          ['key', `y${year}`],
          ['start', String(year)],
          ['end', String(year)],
        ]);
      }
    }
    const [t0, t1] = world.homeRange(counts.themes, d);
    for (let t = t0; t < t1; t++) {
      const theme = world.theme(t);
      const s = say.themeIntro(theme, lang);
      intro.push(s);
      out.themes.write(
        entityYaml({
          id: theme.id,
          name: theme.name,
          labels: { en: theme.name, fr: theme.fr },
          document: doc.id,
          quote: quoteOf(s),
        }),
      );
      evidence++;
    }
    const [l0, l1] = world.homeRange(counts.places, d);
    for (let l = l0; l < l1; l++) {
      const place = world.place(l);
      const s = say.placeIntro(place, lang);
      intro.push(s);
      out.places.write(
        entityYaml({
          id: place.id,
          name: place.name,
          labels: { en: place.ascii, fr: place.fr, ...(place.vi ? { vi: place.vi } : {}) },
          aliases: place.ascii !== place.name ? [{ text: place.ascii, lang: 'en' }] : [],
          document: doc.id,
          quote: quoteOf(s),
        }),
      );
      evidence++;
    }

    // Now and then an article recalls who chaired an earlier meeting: the same fact, twice.
    const recalled = world.recalledMeeting(d);
    if (recalled !== undefined) {
      const chair = chairFact(world, world.meeting(recalled), lang, true);
      if (chair) {
        intro.push(chair.sentence);
        fact('CHAIRED', chair.from, world.meeting(recalled).id, chair.sentence, chair.qualifiers);
      }
    }

    const text = [head, title ?? '', ...paragraphs, intro.join(' ')].join('\n\n') + '\n';
    const bytes = Buffer.from(text.normalize('NFC'), 'utf8');
    const sha = crypto.createHash('sha256').update(bytes).digest('hex');
    const file = `${String(d).padStart(6, '0')}_${sha.slice(0, 16)}.txt`;
    fs.writeFileSync(path.join(documentsDir, file), bytes);
    textBytes += bytes.length;

    const label = `${publisher.short ?? publisher.name}: ${title ?? 'news digest'}`;
    out.documents.write(
      [
        `  - id: ${doc.id}`,
        `    file: ${file}`,
        `    title: ${title === null || d % 20 === 7 ? 'null' : q(title)}`,
        `    label: ${q(label)}`,
        `    publisher: ${publisher.id}`,
        `    language: ${lang}`,
        `    published: ${q(isoAt(doc.published))}`,
        `    sha256: ${sha}`,
        '    evidence:',
        `      - quote: ${q(quoteOf(head))}`,
        '',
      ].join('\n'),
    );
    evidence++;

    const factsText = `document: ${doc.id}\nfacts:\n${docFacts.map(factYaml).join('')}`;
    fs.writeFileSync(path.join(outDir, 'facts', `${doc.id}.yaml`), factsText);
    factBytes += Buffer.byteLength(factsText);
    facts += docFacts.length;
    evidence += docFacts.length;

    tick('writing articles', d + 1, world.documents, () => {
      return `articles ${d + 1}/${world.documents}, facts ${facts}`;
    });
  }

  let bytes = textBytes + factBytes;
  for (const writer of Object.values(out)) bytes += writer.close();
  const summary = {
    documents: world.documents,
    entities: {
      Document: world.documents,
      Person: counts.persons,
      Organization: counts.organizations,
      Meeting: counts.meetings,
      Theme: counts.themes,
      Place: counts.places,
    },
    facts,
    evidence,
  };
  fs.writeFileSync(
    path.join(outDir, MANIFEST),
    `${JSON.stringify({ generator: GENERATOR_FORMAT, scale, seed, ...summary }, null, 2)}\n`,
  );
  return { outDir, documentsDir, ...summary, bytes, millis: Date.now() - started };
}

/** Who chaired a meeting, as its article states it (or as a later article recalls it). */
function chairFact(
  world: World,
  meeting: Meeting,
  lang: Lang,
  recalled: boolean,
): { from: string; sentence: string; qualifiers: [string, string][] } | undefined {
  if (meeting.chairPerson === undefined) return undefined;
  const p = world.person(meeting.chairPerson);
  const org = world.organization(p.affiliation);
  const sentence = recalled
    ? say.recallSentence(p.name, meeting, lang)
    : say.chairSentence(p.name, meeting, lang);
  return { from: p.id, sentence, qualifiers: [['capacity', say.capacity(p, org)]] };
}

function meetingYaml(m: Meeting, document: string, quote: string): string {
  const extra: [string, string | number][] = [['kind', m.kind]];
  if (m.format) extra.push(['format', m.format]);
  if (m.ordinal) extra.push(['ordinal', m.ordinal]);
  if (m.start) extra.push(['start', isoAt(m.start)]);
  if (m.end) extra.push(['end', isoAt(m.end)]);
  return entityYaml({
    id: m.id,
    name: m.name,
    extra,
    labels: { en: m.name, fr: m.fr },
    document,
    quote,
  });
}

function organizationYaml(o: Organization, document: string, quote: string): string {
  const aliases: { text: string; lang: Lang }[] = [];
  if (o.short) aliases.push({ text: o.short, lang: 'en' });
  return entityYaml({
    id: o.id,
    name: o.name,
    extra: [['kind', o.kind]],
    labels: { en: o.name, fr: o.fr, ...(o.vi ? { vi: o.vi } : {}) },
    aliases,
    ...(o.wikidata ? { wikidata: o.wikidata } : {}),
    document,
    quote,
  });
}
