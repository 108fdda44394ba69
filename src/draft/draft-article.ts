import {
  ENDPOINTS,
  factId,
  type EntityLabel,
  type RelationshipType,
} from '../model/graph-model.js';
import { parsePartialDate, type PartialDate } from '../model/partial-date.js';
import type { EntityRecord, FactRecord, SeedGraph } from '../seed/types.js';
import { ENGLISH } from './cues/en.js';
import { FRENCH } from './cues/fr.js';
import { VIETNAMESE } from './cues/vi.js';
import type { LanguageCues, MeetingKind, RelationCue } from './cues/types.js';
import { addDays, durationDays, findDates, publishedMarker, type DateMention } from './dates.js';
import { foldKey, foldText } from './fold.js';
import { addMentions, Gazetteer, shortForms, type Mention } from './gazetteer.js';
import type { DraftLanguage } from './language.js';
import { resolveMeeting, nameSimilarity } from './meetings.js';
import type { Draft, EntityEvidence, ProposedEntity, ProposedFact } from './model.js';
import { splitSentences, type Sentence } from './sentences.js';
import { compileCue, maskSentence, type Masked } from './cue-match.js';
import { capitalize, romanValue, sameFamily, slugify } from './names.js';

/**
 * Drafts the seed entries of one article: resolves the entities the graph knows, proposes new
 * ones, and proposes facts from the cue tables, each with the shortest quote that states it
 * (cut from the text, so verbatim by construction, and checked again at the end).
 */

export interface ArticleInput {
  /** The article's text, NFC. */
  text: string;
  file: string;
  sha256: string;
  language: DraftLanguage;
  title: string | null;
  /** A known organization id, or a name to propose as a new organization. */
  publisher?: { id: string } | { name: string };
  published?: PartialDate;
}

export const CUES: Record<DraftLanguage, LanguageCues | undefined> = {
  fr: FRENCH,
  en: ENGLISH,
  vi: VIETNAMESE,
};

/** Meeting kinds whose bare head noun may refer back to a meeting of another kind. */
const GENERIC_KINDS = new Set<MeetingKind | 'event'>(['session', 'meeting', 'event']);

/** Counts that introduce several meetings at once ("deux sessions"). */
const COUNTS: Record<string, number | undefined> = {
  deux: 2,
  trois: 3,
  quatre: 4,
  two: 2,
  three: 3,
  four: 4,
};

interface PersonTitle {
  title: string;
  /** The organization the title is held in (a known or new id). */
  organization?: string;
  /** The state the office belongs to (for onBehalfOf). */
  state?: string;
  phrase: { start: number; end: number };
}

class DraftBuilder {
  readonly text: string;
  /** The text with ’ read as ' (same length, same offsets): what the tables' patterns match. */
  readonly plain: string;
  readonly cues: LanguageCues | undefined;
  readonly sentences: Sentence[];
  mentions: Mention[] = [];
  inner: Mention[] = [];
  readonly known = new Map<string, EntityRecord>();
  readonly proposed = new Map<string, ProposedEntity>();
  readonly titles = new Map<string, PersonTitle>();
  readonly facts = new Map<string, ProposedFact>();
  readonly meetingInfo = new Map<
    string,
    { kind: MeetingKind; ordinal?: number; series?: string }
  >();
  readonly warnings: string[] = [];
  /** Meetings named together ("deux sessions"): no single meeting is in focus after them. */
  readonly unresolved: { start: number; end: number }[] = [];
  /** Themes of meetings split from a list ("deux sessions … sur X et Y"): not the focus's. */
  readonly sessionThemes = new Set<string>();
  dates: DateMention[] = [];

  constructor(
    readonly input: ArticleInput,
    readonly graph: SeedGraph,
  ) {
    this.text = input.text;
    this.plain = input.text.replace(/’/gu, "'");
    this.cues = CUES[input.language];
    this.sentences = splitSentences(this.text, input.language);
    for (const e of graph.entities) this.known.set(e.id, e);
  }

  labelOf(id: string): EntityLabel | undefined {
    return this.known.get(id)?.label ?? this.proposed.get(id)?.label;
  }

  nameOf(id: string): string {
    return this.known.get(id)?.name ?? this.proposed.get(id)?.name ?? id;
  }

  sentenceAt(offset: number): Sentence | undefined {
    return this.sentences.find((s) => offset >= s.start && offset < s.end);
  }

  /** A new id, unique among known and proposed entities. */
  newId(name: string): string {
    const base = slugify(name);
    let id = base;
    for (let n = 2; this.known.has(id) || this.proposed.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  /** Proposes a new entity (or returns the one already proposed under the same folded name). */
  propose(entity: Omit<ProposedEntity, 'id'>): ProposedEntity {
    const key = foldKey(entity.name);
    for (const p of this.proposed.values())
      if (p.label === entity.label && foldKey(p.name) === key) return p;
    const created = { ...entity, id: this.newId(entity.name) };
    this.proposed.set(created.id, created);
    return created;
  }

  /** A known entity by one of its names, folded. */
  knownByName(name: string, label?: EntityLabel): string | undefined {
    const key = foldKey(name);
    for (const e of this.known.values()) {
      if (label && e.label !== label) continue;
      const names = [e.name, ...e.labels.map((l) => l.text), ...e.aliases.map((a) => a.text)];
      if (names.some((n) => foldKey(n) === key)) return e.id;
    }
    for (const p of this.proposed.values())
      if ((!label || p.label === label) && foldKey(p.name) === key) return p.id;
    return undefined;
  }

  /**
   * A name the text gives at [start, end): the known entity of that label with that name, or a
   * new one proposed with its quote and reason; recorded as a mention either way.
   */
  nameAt(
    label: EntityLabel,
    start: number,
    end: number,
    proposal: { quote: string; reason: string; properties?: Record<string, string | number> },
  ): string {
    const name = this.text.slice(start, end);
    const id =
      this.knownByName(name, label) ??
      this.propose({
        label,
        name,
        labels: { [this.input.language]: name },
        aliases: [],
        properties: proposal.properties ?? {},
        quote: proposal.quote,
        reason: proposal.reason,
      }).id;
    this.addMention({
      start,
      end,
      text: name,
      id,
      label,
      via: this.known.has(id) ? 'name' : 'new',
    });
    return id;
  }

  overlaps(start: number, end: number): boolean {
    return this.mentions.some((m) => start < m.end && m.start < end);
  }

  addMention(m: Mention): void {
    this.mentions = addMentions(this.mentions, [m]);
  }

  quoteAround(start: number, end: number, words = 4): string {
    const sentence = this.sentenceAt(start);
    const lo = sentence?.start ?? 0;
    const hi = sentence?.end ?? this.text.length;
    let a = start;
    for (let w = 0; w < words && a > lo; w++) {
      a = this.text.lastIndexOf(' ', a - 2) + 1;
      if (a <= lo) a = lo;
    }
    let b = end;
    for (let w = 0; w < words && b < hi; w++) {
      const next = this.text.indexOf(' ', b + 1);
      b = next < 0 || next > hi ? hi : next;
    }
    return this.text
      .slice(a, b)
      .trim()
      .replace(/[,;:]$/u, '');
  }

  // --- recognition -----------------------------------------------------------------------------

  knownMentions(): void {
    const sources = this.graph.entities
      .filter((e) => e.label !== 'Document')
      .map((e) => ({
        id: e.id,
        label: e.label,
        names: [e.name, ...e.labels.map((l) => l.text), ...e.aliases.map((a) => a.text)],
      }));
    const found = new Gazetteer(sources).find(this.text, foldText(this.text));
    this.mentions = found.mentions;
    this.inner = found.inner;
  }

  /** Persons named with a title: "le Président vietnamien, Nguyên Xuân Phuc". */
  personsWithTitles(): void {
    const cues = this.cues;
    if (!cues) return;
    const name = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})/u;
    for (const titleCue of cues.titles) {
      const re = new RegExp(`(?<![\\p{L}-])(?:${titleCue.pattern})(?![\\p{L}-])`, 'giu');
      for (const m of this.plain.matchAll(re)) {
        if (this.titleTaken(m.index)) continue;
        const after = this.text.slice(m.index + m[0].length, m.index + m[0].length + 90);
        const clause = after.split(/[.;:]|\s(?:a|ont|qui|said|who|will)\s/u)[0]!;
        // The first run of capitalised words after the title that is no known entity.
        let found: { start: number; end: number; text: string } | undefined;
        const runs = new RegExp(name.source, 'gu');
        for (let n = runs.exec(clause); n; n = runs.exec(clause)) {
          const base = m.index + m[0].length;
          const start = base + n.index;
          const end = start + n[0].length;
          if (/^[IVXLC]+e\b/u.test(n[0])) continue;
          const mention = this.mentions.find((x) => start < x.end && x.start < end);
          if (mention) {
            if (mention.label === 'Person')
              found = { start: mention.start, end: mention.end, text: mention.text };
            else {
              // "Tổng Thư ký Liên Hợp Quốc António Guterres": the organization's capitals run into
              // the name's; look again after the organization.
              runs.lastIndex = Math.max(runs.lastIndex - n[0].length + 1, mention.end - base);
              continue;
            }
          } else {
            found = { start, end, text: n[0] };
          }
          break;
        }
        if (!found) continue;
        let id: string;
        const existing = this.mentions.find((x) => x.start === found.start && x.label === 'Person');
        if (existing) id = existing.id;
        else {
          id =
            this.knownByName(found.text, 'Person') ??
            this.propose({
              label: 'Person',
              name: found.text,
              labels: { [this.input.language]: found.text },
              aliases: [],
              properties: {},
              quote: this.text.slice(m.index, found.end),
              reason: `named with the title "${m[0]}" and matching no known person's names or aliases`,
            }).id;
          this.addMention({
            ...found,
            id,
            label: 'Person',
            via: this.known.has(id) ? 'name' : 'new',
          });
        }
        const previous = this.titles.get(id);
        if (!previous || !previous.organization)
          this.titles.set(id, this.titleOf(titleCue, m.index, m.index + m[0].length, found.start));
      }
    }
  }

  private titleTaken(offset: number): boolean {
    return [...this.titles.values()].some((t) => offset >= t.phrase.start && offset < t.phrase.end);
  }

  /** The organization a title is held in: one named in the title phrase, or a demonym's state. */
  private titleOf(
    titleCue: NonNullable<LanguageCues['titles']>[number],
    start: number,
    titleEnd: number,
    nameStart: number,
  ): PersonTitle {
    const phraseStart = Math.max(0, start - 40);
    const organizations = this.mentions.filter(
      (x) => x.label === 'Organization' && x.start >= start && x.end <= nameStart,
    );
    const before = this.mentions.filter(
      (x) =>
        x.label === 'Organization' &&
        x.start >= phraseStart &&
        x.end <= start &&
        !/[.,;]/u.test(this.text.slice(x.end, start)),
    );
    const words = this.text
      .slice(phraseStart, nameStart)
      .toLowerCase()
      .split(/[^\p{L}]+/u);
    const demonym = words.map((w) => this.cues!.demonyms[w]).find(Boolean);
    const state = demonym ? this.knownByName(demonym, 'Organization') : undefined;
    const phrase = { start, end: nameStart };
    let organization = organizations[0]?.id ?? before[before.length - 1]?.id ?? state;
    if (titleCue.ministry && state) {
      const stateName = this.nameOf(state);
      const ministry =
        this.knownMinistry(state) ??
        this.propose({
          label: 'Organization',
          name: `${titleCue.ministry.en} of ${stateName}`,
          labels: {
            en: `${titleCue.ministry.en} of ${stateName}`,
            ...(this.input.language !== 'en'
              ? { [this.input.language]: `${titleCue.ministry.local} du ${this.localName(state)}` }
              : {}),
          },
          aliases: [],
          properties: { kind: 'ministry' },
          quote: this.text.slice(start, titleEnd),
          reason: `the office of the title "${this.text.slice(start, titleEnd)}"; no known ministry of ${stateName}`,
        }).id;
      organization = ministry;
      this.addFact(
        'PART_OF',
        ministry,
        state,
        [this.text.slice(start, titleEnd)],
        0.6,
        'title.ministry-of-state',
      );
    }
    return { title: titleCue.title, organization, state: state ?? organization, phrase };
  }

  private knownMinistry(state: string): string | undefined {
    const stateFact = this.graph.facts.find(
      (f) =>
        f.type === 'PART_OF' &&
        f.to === state &&
        this.known.get(f.from)?.properties.kind === 'ministry',
    );
    return stateFact?.from;
  }

  private localName(id: string): string {
    const e = this.known.get(id);
    return e?.labels.find((l) => l.lang === this.input.language)?.text ?? e?.name ?? id;
  }

  /** Organizations defined with an acronym: "Institut de l'ASEAN pour la paix … (AIPR)". */
  acronymOrganizations(): void {
    if (!this.cues) return;
    const re = new RegExp(
      `(?<![\\p{L}])(${this.cues.organizationHeads})(?![\\p{L}])([^()\\n.;]{0,100}?)\\s*\\((\\p{Lu}[\\p{Lu}\\p{N}]{1,9})\\)`,
      'gu',
    );
    for (const m of this.plain.matchAll(re)) {
      const start = m.index;
      const longName = `${m[1]}${m[2]}`.trim();
      const acronym = m[3]!;
      const end = start + longName.length;
      if (this.mentions.some((x) => x.start <= start && x.end >= end)) continue;
      const known =
        this.knownByName(acronym, 'Organization') ?? this.knownByName(longName, 'Organization');
      const id =
        known ??
        this.propose({
          label: 'Organization',
          name: longName,
          labels: { [this.input.language]: longName },
          aliases: [
            { text: acronym, lang: this.input.language === 'en' ? 'en' : this.input.language },
          ],
          properties: {
            kind: /institut/iu.test(m[1]!)
              ? 'institute'
              : /minist/iu.test(m[1]!)
                ? 'ministry'
                : 'other',
          },
          quote: this.text.slice(m.index, m.index + m[0].length),
          reason: `defined with its acronym ${acronym}; neither name is known`,
        }).id;
      // The long name replaces the mentions nested in it, which say what it belongs to.
      const nested = this.mentions.filter((x) => x.start >= start && x.end <= end);
      this.mentions = this.mentions.filter((x) => !nested.includes(x));
      this.inner.push(...nested);
      this.addMention({
        start,
        end,
        text: this.text.slice(start, end),
        id,
        label: 'Organization',
        via: known ? 'name' : 'new',
      });
    }
  }

  /** The dateline's agency "Hanoï (VNA) -" and the publisher given on the command line. */
  publisher(): string | undefined {
    const given = this.input.publisher;
    if (given && 'id' in given) return given.id;
    const dateline =
      /(?:^|\n)\s*(\p{Lu}[\p{L}-]+(?: \p{Lu}[\p{L}-]+)?) \((\p{Lu}{2,8})\)\s*[-–—]/u.exec(
        this.text,
      );
    const name = given?.name ?? dateline?.[2];
    if (!name) return undefined;
    const known = this.knownByName(name, 'Organization');
    const at = this.text.indexOf(name);
    if (dateline) this.datelinePlace(dateline);
    if (known) return known;
    if (at < 0) return undefined;
    const proposed = this.propose({
      label: 'Organization',
      name,
      labels: { [this.input.language]: name },
      aliases: [],
      properties: { kind: dateline && !given ? 'news_agency' : 'other' },
      quote:
        dateline && !given
          ? dateline[0].trim().replace(/\s*[-–—]$/u, '')
          : this.quoteAround(at, at + name.length, 2),
      reason: 'the publisher, and no known organization has this name',
    });
    if (!this.overlaps(at, at + name.length))
      this.addMention({
        start: at,
        end: at + name.length,
        text: name,
        id: proposed.id,
        label: 'Organization',
        via: 'new',
      });
    return proposed.id;
  }

  private datelinePlace(dateline: RegExpExecArray): void {
    const place = dateline[1]!;
    const at = dateline.index + dateline[0].indexOf(place);
    if (this.overlaps(at, at + place.length)) return;
    this.nameAt('Place', at, at + place.length, {
      quote: dateline[0].trim().replace(/\s*[-–—]$/u, ''),
      reason: 'the dateline names it and no known place has this name',
    });
  }

  /** An organizer or host after its verb: "organisé par l'Union africaine", "hosted by Fiji". */
  organizers(): void {
    if (!this.cues) return;
    for (const m of this.plain.matchAll(new RegExp(this.cues.organizer, 'gu'))) {
      const start = m.index + m[0].length - m[1]!.length;
      if (this.overlaps(start, start + m[1]!.length)) continue;
      this.nameAt('Organization', start, start + m[1]!.length, {
        quote: this.text.slice(m.index, m.index + m[0].length),
        reason:
          'organizes or hosts a meeting, and no known organization has this name (set its kind)',
        properties: { kind: 'other' },
      });
    }
  }

  /** A place after a verb of meeting: "s'est ouvert à Hanoï". */
  places(): void {
    if (!this.cues) return;
    for (const m of this.plain.matchAll(new RegExp(this.cues.place, 'gu'))) {
      const start = m.index + m[0].length - m[1]!.length;
      if (this.overlaps(start, start + m[1]!.length)) continue;
      this.nameAt('Place', start, start + m[1]!.length, {
        quote: this.text.slice(m.index, m.index + m[0].length),
        reason: 'where a meeting is held, and no known place has this name',
      });
    }
  }

  /**
   * Meetings: a head noun ("débat de haut niveau", "atelier") with its ordinal and complement.
   * A definite head with no complement refers back to the meeting in focus; an indefinite or
   * ordinal one is a meeting, resolved to a known one when kind, ordinal, dates and name agree.
   */
  meetings(): void {
    const cues = this.cues;
    if (!cues) return;
    const ordinalWords = Object.keys(cues.ordinals).join('|');
    const heads = cues.meetingHeads.map((h) => `(?:${h.pattern})`).join('|');
    const prefix = `(?<![\\p{L}])(?:(${cues.definite}|${cues.indefinite})\\s+)?(?:(${ordinalWords}|[IVXLC]+e|\\d+(?:e|er|th|st|nd|rd))\\s+)?`;
    const headGroup = `(${heads}|${cues.eventWords})(?![\\p{L}])`;
    // Plain heads ("un débat de haut niveau"), and heads after capitalised words that name the
    // meeting ("the second Pacific Fisheries Summit"): the patterns ignore case, so the
    // capitals of the second kind are checked here, retrying from the next character.
    const matches: { index: number; text: string; groups: (string | undefined)[] }[] = [];
    for (const m of this.plain.matchAll(new RegExp(`${prefix}()${headGroup}`, 'giu')))
      matches.push({ index: m.index, text: m[0], groups: [m[1], m[2], '', m[4]] });
    const named = new RegExp(`${prefix}((?:\\p{Lu}[\\p{L}-]*\\s+){1,4})${headGroup}`, 'giu');
    let namedEnd = 0;
    for (let m = named.exec(this.plain); m; m = named.exec(this.plain)) {
      named.lastIndex = m.index + 1;
      if (!/^(?:\p{Lu}[\p{L}-]*\s+)+$/u.test(m[3]!) || !/^\p{Lu}/u.test(m[4]!)) continue;
      if (
        m[3]!
          .split(/\s+/u)
          .some((w) => /^[IVXLC]+e$/u.test(w) || this.ordinalValue(w) !== undefined)
      )
        continue;
      const end = m.index + m[0].length;
      if (namedEnd > m.index) continue; // inside the longer name found just before
      namedEnd = end;
      for (let i = matches.length - 1; i >= 0; i--)
        if (matches[i]!.index < end && m.index < matches[i]!.index + matches[i]!.text.length)
          matches.splice(i, 1);
      matches.push({ index: m.index, text: m[0], groups: [m[1], m[2], m[3], m[4]] });
    }
    matches.sort((a, b) => a.index - b.index);
    const stop = new RegExp(cues.complementStop, 'u');
    const history: { id: string; kind: MeetingKind | 'event' }[] = [];
    const pending: { start: number; end: number; kind: MeetingKind | 'event' }[] = [];
    for (const found of matches) {
      const m = Object.assign([found.text, ...found.groups], {
        index: found.index,
      }) as unknown as RegExpExecArray;
      const determiner = m[1]?.toLowerCase();
      const ordinalWord = m[2];
      const modifiers = m[3] ?? '';
      const head = m[4]!;
      const headStart = m.index + m[0].length - head.length;
      const start = ordinalWord
        ? m.index + m[0].indexOf(ordinalWord)
        : modifiers
          ? headStart - modifiers.length
          : headStart;
      const end = m.index + m[0].length;
      if (this.mentions.some((x) => x.label === 'Meeting' && start < x.end && x.start < end))
        continue;
      if (this.mentions.some((x) => x.start <= start && x.end >= end)) continue;
      const isEvent = new RegExp(`^(?:${cues.eventWords})$`, 'iu').test(head);
      const kind: MeetingKind | 'event' = isEvent
        ? 'event'
        : cues.meetingHeads.find((h) => new RegExp(`^(?:${h.pattern})$`, 'iu').test(head))!.kind;
      const before = this.text.slice(Math.max(0, m.index - 12), m.index);
      const several =
        /\b(deux|trois|quatre|plusieurs|nombre de|two|three|four|several|number of)\s+$/iu.exec(
          before,
        );
      if (several) {
        // Several meetings at once: what the sentence is about; drafted one by one when the text
        // lists their topics, one each ("deux sessions … sur X et Y").
        this.unresolved.push({ start, end });
        this.splitMeetings(
          kind as MeetingKind,
          head,
          COUNTS[several[1]!.toLowerCase()],
          m.index - several[0].length,
          end,
        );
        continue;
      }
      if (/s$/u.test(head) && kind !== 'series' && !determiner) continue;
      const rest = this.plain.slice(end, end + 160);
      const complement = rest.split(stop)[0]!;
      const hasComplement =
        complement.trim().length > 0 && !/^\s*(?:de|d'|of)\s+(?:deux|two)/iu.test(complement);
      // "la première réunion ministérielle depuis le sommet …" says what the meeting is (the
      // first since another, FIRST_SINCE), not that it is the first of a series.
      if (
        ordinalWord &&
        this.ordinalValue(ordinalWord) === 1 &&
        new RegExp(`^[^,.;]{0,80}?\\s(?:${cues.since})\\s`, 'iu').test(rest)
      )
        continue;
      const ordinal = ordinalWord ? this.ordinalValue(ordinalWord) : undefined;
      const definite =
        determiner !== undefined && new RegExp(`^(?:${cues.definite})$`, 'iu').test(determiner);

      let id: string | undefined;
      if ((definite || isEvent || !determiner) && ordinal === undefined) {
        const sameKind = [...history].reverse().find((h) => sameFamily(h.kind, kind));
        if (sameKind) id = sameKind.id;
        // "la session", "la réunion", "cet évènement" may be the meeting in focus whatever its
        // kind; "le dialogue" or "le congrès" only one of their own kind ("promouvoir le dialogue
        // et la confiance" names no meeting).
        else if ((!hasComplement && GENERIC_KINDS.has(kind)) || isEvent)
          id = history[history.length - 1]?.id;
        if (!id && (!hasComplement || isEvent)) {
          // Refers to a meeting named later ("Lors du dialogue." in a caption): settled below.
          pending.push({ start, end, kind });
          continue;
        }
      }
      if (isEvent && !id) continue;
      const introduces =
        ordinal !== undefined ||
        (determiner !== undefined && !definite) ||
        /^\p{Lu}/u.test(head) ||
        // "la réunion du Conseil", "le sommet extraordinaire de la CFM": a complement names it.
        /^\s*(?:\p{Ll}+\s+)?(?:du\s|de la\s|de l'|de l’|des\s|sur\s|of the\s|on\s)/iu.test(
          complement,
        );
      if (!id && !introduces) {
        pending.push({ start, end, kind });
        continue;
      }
      if (!id) {
        const name = `${modifiers}${head}${complement.replace(/\s+$/u, '')}`;
        const fullName = ordinalWord ? `${ordinalWord} ${name}` : name;
        const dates = this.datesNear(headStart, end + complement.length);
        id = this.meetingEntity(
          kind as MeetingKind,
          name,
          fullName,
          ordinal,
          dates,
          this.text.slice(start, end + complement.length),
        );
      }
      history.push({ id, kind });
      this.addMention({
        start,
        end,
        text: this.text.slice(start, end),
        id,
        label: 'Meeting',
        via: this.known.has(id)
          ? 'name'
          : history.filter((h) => h.id === id).length > 1
            ? 'anaphor'
            : 'new',
      });
    }
    for (const p of pending) {
      const antecedent =
        history.find((h) => sameFamily(h.kind, p.kind)) ??
        (p.kind === 'event' ? history[0] : undefined);
      if (antecedent)
        this.addMention({
          start: p.start,
          end: p.end,
          text: this.text.slice(p.start, p.end),
          id: antecedent.id,
          label: 'Meeting',
          via: 'anaphor',
        });
    }
  }

  /**
   * "(les) deux sessions, présidées par le Vietnam, sur la réparation … des mines et la protection
   * des infrastructures …": as many meetings as the count says, one per topic, each covering its
   * topic and chaired by whoever the clause names. The topics are split only where the next one
   * starts with the first one's determiner, and only when that gives exactly the count.
   */
  private splitMeetings(
    kind: MeetingKind,
    head: string,
    count: number | undefined,
    countStart: number,
    headEnd: number,
  ): void {
    const cues = this.cues!;
    const sentence = this.sentenceAt(headEnd);
    if (!count || !sentence) return;
    const rest = this.plain.slice(headEnd, sentence.end);
    const shape =
      /^(,[^,.;]{0,80},)?\s*(sur|consacrée?s? à|on|about) ((la|le|les|l'|the) ?[^,.;]+)/iu.exec(
        rest,
      );
    if (!shape) return;
    const listStart = headEnd + shape[0].length - shape[3]!.length;
    const list = shape[3]!;
    const determiner = shape[4]!;
    const splitter = new RegExp(
      `(?:,\\s*|\\s+(?:${cues.coordination})\\s+)(?=${determiner}${determiner.endsWith("'") ? '' : '\\s'})`,
      'giu',
    );
    const cuts = [...list.matchAll(splitter)];
    if (cuts.length !== count - 1) return;
    const items: { start: number; end: number }[] = [];
    let at = 0;
    for (const cut of [...cuts, undefined]) {
      const stop = cut ? cut.index : list.length;
      items.push({ start: listStart + at, end: listStart + stop });
      if (cut) at = cut.index + cut[0].length;
    }
    const chairText = shape[1] ?? '';
    const chair = chairText
      ? this.mentions.find(
          (x) =>
            (x.label === 'Organization' || x.label === 'Person') &&
            x.start >= headEnd &&
            x.end <= headEnd + chairText.length &&
            /(?:présidée?s?|dirigée?s?|chaired|led) (?:par|by)/iu.test(chairText),
        )
      : undefined;
    const singular = head.replace(/^(\p{L}+?)s(?=\P{L}|$)/u, '$1');
    for (const item of items) {
      const topic = this.text.slice(item.start, item.end).trim();
      const name = capitalize(`${singular} ${shape[2]} ${topic}`);
      const quote = this.text.slice(countStart, item.end);
      const meeting = this.propose({
        label: 'Meeting',
        name,
        labels: { [this.input.language]: name },
        aliases: [],
        properties: { kind },
        quote: quote.length <= 400 ? quote : this.text.slice(item.start, item.end),
        reason: `one of ${count} ${head} the text names together, each on its own topic`,
      });
      const themeName = capitalize(topic.replace(/^(?:la |le |les |l'|l’|the )/iu, ''));
      const theme =
        this.knownByName(themeName, 'Theme') ??
        this.propose({
          label: 'Theme',
          name: themeName,
          labels: { [this.input.language]: themeName },
          aliases: [],
          properties: {},
          quote: topic,
          reason: `the topic of a ${singular}; no known theme has this name`,
        }).id;
      this.sessionThemes.add(theme);
      this.addFact('COVERED', meeting.id, theme, [topic], 0.7, 'split.meetings-by-topic');
      if (chair)
        this.addFact('CHAIRED', chair.id, meeting.id, [quote], 0.7, 'split.meetings-by-topic');
    }
  }

  private ordinalValue(word: string): number | undefined {
    const lower = word.toLowerCase();
    if (this.cues!.ordinals[lower]) return this.cues!.ordinals[lower];
    const roman = /^([IVXLC]+)e$/u.exec(word);
    if (roman) return romanValue(roman[1]!);
    const digits = /^(\d+)/u.exec(word);
    return digits ? Number(digits[1]) : undefined;
  }

  private datesNear(start: number, end: number): DateMention[] {
    const sentence = this.sentenceAt(start);
    if (!sentence) return [];
    return findDates(
      this.text.slice(start, sentence.end),
      this.input.language,
      this.input.published,
      start,
    ).filter((d) => d.start - end < 60);
  }

  /** A meeting mention that is not an anaphor: a known meeting it resolves to, or a new one. */
  private meetingEntity(
    kind: MeetingKind,
    name: string,
    fullName: string,
    ordinal: number | undefined,
    dates: DateMention[],
    quote: string,
  ): string {
    const seriesName = ordinal !== undefined ? name : undefined;
    // The series' own words in the text: the meeting's, without its ordinal (same length as name).
    const seriesQuote = quote.trimEnd().slice(-name.length);
    const series = seriesName ? this.seriesOf(seriesName, seriesQuote) : undefined;
    const known = resolveMeeting(
      {
        kind,
        ordinal,
        name: fullName,
        date: dates[0] ? parsePartialDate(dates[0].value) : undefined,
        series,
      },
      this.graph,
    );
    if (known) return known;
    for (const p of this.proposed.values()) {
      if (p.label !== 'Meeting' || p.properties.kind !== kind) continue;
      if (nameSimilarity(p.name, fullName) < 0.5) continue;
      if (p.properties.ordinal === ordinal) return p.id;
      if (p.properties.ordinal === undefined && ordinal !== undefined) {
        // "un forum régional sur …" in the headline, then "le premier Forum régional …".
        p.properties.ordinal = ordinal;
        // The body's full name ("le premier Forum régional sur la gestion partagée …") names it.
        p.name = capitalize(fullName);
        p.labels = { [this.input.language]: p.name };
        p.quote = quote;
        if (series) this.meetingInfo.set(p.id, { kind, ordinal, series });
        return p.id;
      }
    }
    const label = capitalize(fullName);
    const entity = this.propose({
      label: 'Meeting',
      name: label,
      labels: { [this.input.language]: label },
      aliases: [],
      properties: { kind, ...(ordinal !== undefined ? { ordinal } : {}) },
      quote,
      reason: `no known ${kind} matches its kind${ordinal !== undefined ? ', ordinal' : ''}, dates and name`,
    });
    if (series) this.meetingInfo.set(entity.id, { kind, ordinal, series });
    return entity.id;
  }

  private seriesOf(name: string, quote: string): string {
    const known = this.graph.entities.filter(
      (e) => e.label === 'Meeting' && e.properties.kind === 'series',
    );
    let best: { id: string; score: number } | undefined;
    for (const e of known) {
      const names = [e.name, ...e.labels.map((l) => l.text), ...e.aliases.map((a) => a.text)];
      const score = Math.max(...names.map((n) => nameSimilarity(n, name)));
      if (score >= 0.6 && (!best || score > best.score)) best = { id: e.id, score };
    }
    if (best) return best.id;
    const label = capitalize(name);
    return this.propose({
      label: 'Meeting',
      name: label,
      labels: { [this.input.language]: label },
      aliases: [],
      properties: { kind: 'series' },
      quote,
      reason: 'the series an ordinal meeting belongs to; no known series has a similar name',
    }).id;
  }

  /** Themes the cue table names: "sous le thème « … »", "en matière de … et de …". */
  themes(): void {
    if (!this.cues) return;
    for (const pattern of this.cues.themes) {
      for (const m of this.plain.matchAll(new RegExp(pattern, 'giu'))) {
        const phrase = m[1]!.trim();
        const start = m.index + m[0].indexOf(m[1]!) + (m[1]!.length - m[1]!.trimStart().length);
        const end = start + phrase.length;
        if (this.mentions.some((x) => x.label === 'Theme' && start < x.end && x.start < end))
          continue;
        if (this.mentions.some((x) => x.start <= start && x.end >= end)) continue;
        const name = capitalize(
          phrase.replace(/^(?:le renforcement (?:de la |du |des )|la |le |les |l'|l’|the )/iu, ''),
        );
        const id =
          this.knownByName(name, 'Theme') ??
          this.propose({
            label: 'Theme',
            name,
            labels: { [this.input.language]: name },
            aliases: [],
            properties: {},
            quote: this.text.slice(m.index, m.index + m[0].length).trim(),
            reason: 'named as a topic, and no known theme has this name',
          }).id;
        // Mentions inside the theme's words stay; only those it fully covers give way.
        const covered = this.mentions.filter((x) => x.start >= start && x.end <= end);
        this.mentions = this.mentions.filter((x) => !covered.includes(x));
        this.addMention({
          start,
          end,
          text: phrase,
          id,
          label: 'Theme',
          via: this.known.has(id) ? 'name' : 'new',
        });
      }
    }
  }

  /** Every further mention of the new persons, organizations and places by their full names. */
  newNameMentions(): void {
    const sources = [...this.proposed.values()]
      .filter((p) => p.label === 'Person' || p.label === 'Organization' || p.label === 'Place')
      .map((p) => ({ id: p.id, label: p.label, names: [p.name, ...p.aliases.map((a) => a.text)] }));
    const found = new Gazetteer(sources).find(this.text);
    this.mentions = addMentions(
      this.mentions,
      found.mentions.map((m) => ({ ...m, via: 'new' as const })),
    );
  }

  shortForms(): void {
    this.mentions = addMentions(this.mentions, shortForms(this.text, this.mentions));
  }

  // --- facts -----------------------------------------------------------------------------------

  addFact(
    type: RelationshipType,
    from: string,
    to: string,
    quotes: string[],
    confidence: number,
    cue: string,
    qualifiers: Record<string, string> = {},
    dates: Record<string, string> = {},
  ): void {
    if (from === to) return;
    const fromLabel = this.labelOf(from);
    const toLabel = this.labelOf(to);
    if (!fromLabel || !toLabel) return;
    if (!ENDPOINTS[type].some(([f, t]) => f === fromLabel && t === toLabel)) return;
    const key = factId(from, type, to);
    const existing = this.facts.get(key);
    if (existing) {
      for (const q of quotes) if (!existing.quotes.includes(q)) existing.quotes.push(q);
      if (confidence > existing.confidence) {
        existing.confidence = confidence;
        existing.cue = cue;
        existing.qualifiers = { ...existing.qualifiers, ...qualifiers };
      } else {
        existing.qualifiers = { ...qualifiers, ...existing.qualifiers };
      }
      existing.dates = { ...dates, ...existing.dates };
      return;
    }
    this.facts.set(key, {
      type,
      from,
      to,
      qualifiers,
      dates,
      quotes: [...quotes],
      confidence,
      cue,
      status: 'new',
    });
  }

  /** The meeting most mentioned (anaphors included), series aside: what the article is about. */
  mainMeeting(): string | undefined {
    const counts = new Map<string, number>();
    for (const m of this.mentions) {
      if (m.label !== 'Meeting') continue;
      const kind =
        this.known.get(m.id)?.properties.kind ?? this.proposed.get(m.id)?.properties.kind;
      if (kind === 'series') continue;
      counts.set(m.id, (counts.get(m.id) ?? 0) + 1);
    }
    let best: string | undefined;
    for (const [id, n] of counts) if (best === undefined || n > counts.get(best)!) best = id;
    return best;
  }

  /** The meeting a point of a sentence is about: the nearest one before it, else the main one. */
  focusAt(sentence: Sentence, offset: number, main: string | undefined): string | undefined {
    const near = (m: { start: number; end: number }) =>
      m.start >= sentence.start && m.end <= offset && offset - m.end <= 60;
    const before = this.mentions.filter((m) => m.label === 'Meeting' && near(m));
    const last = before[before.length - 1];
    const blocked = this.unresolved.filter(near).some((u) => !last || u.start > last.start);
    if (blocked) return undefined;
    return last?.id ?? main;
  }

  cueFacts(): void {
    if (!this.cues) return;
    const main = this.mainMeeting();
    const compiled = this.cues.relations.map((cue) => ({ cue, re: compileCue(cue.pattern) }));
    for (const sentence of this.sentences) {
      const masked = maskSentence(this.text, sentence, this.mentions);
      for (const { cue, re } of compiled) {
        re.lastIndex = 0;
        // One fact per cue and object: the leftmost subject wins ("le Vietnam, … membre du Conseil
        // de sécurité, … aux côtés des autres pays membres de l'ASEAN" is the Vietnam's membership).
        const objects = new Set<string>();
        for (let m = re.exec(masked.text); m; m = re.exec(masked.text)) {
          re.lastIndex = m.index + 1;
          const object = m.groups?.to ?? '';
          if (object && objects.has(object)) continue;
          objects.add(object);
          this.factFromCue(cue, m, masked, sentence, main);
        }
      }
    }
  }

  private factFromCue(
    cue: RelationCue,
    m: RegExpExecArray,
    masked: Masked,
    sentence: Sentence,
    main: string | undefined,
    quoteEnd?: number,
  ): void {
    const start = masked.starts[m.index]!;
    const end = masked.ends[m.index + m[0].length - 1]!;
    const endpoint = (role: 'from' | 'to'): string | undefined => {
      const index = m.groups?.[role];
      if (index !== undefined) {
        const mention = this.mentions[Number(index)]!;
        // "le Secrétaire général des Nations Unies, António Guterres": the person, not the title's organization.
        if (mention.label === 'Organization')
          for (const [person, title] of this.titles)
            if (
              mention.start >= title.phrase.start &&
              mention.end <= title.phrase.end &&
              this.labelOf(person)
            )
              return person;
        return mention.id;
      }
      if (role === 'from' && cue.anaphor === 'person') return this.personBefore(start);
      if (role === 'from' && cue.anaphor === 'state') return this.stateBefore(start);
      return this.focusAt(sentence, start, main);
    };
    const from = endpoint('from');
    const to = endpoint('to');
    if (!from || !to) return;
    // Objects joined to the cue's object ("avec l'ASEAN et l'AIPR", "notamment X, Y"): one fact each.
    const more = quoteEnd === undefined ? this.coordinated(masked, m) : [];
    for (const extra of more)
      this.factFromCue(
        cue,
        Object.assign([...m], {
          index: m.index,
          input: m.input,
          groups: { ...m.groups, to: String(extra.index) },
        }) as unknown as RegExpExecArray,
        masked,
        sentence,
        main,
        masked.ends[extra.end - 1]!,
      );
    const quote = this.text.slice(start, quoteEnd ?? end);
    const qualifiers: Record<string, string> = {};
    if (cue.role) qualifiers.role = cue.role;
    const title = this.titles.get(from);
    if (title && (cue.type === 'PARTICIPATED_IN' || cue.type === 'CHAIRED') && title.organization) {
      qualifiers.capacity = `${title.title} of ${this.nameOf(title.state ?? title.organization)}`;
      if (cue.type === 'PARTICIPATED_IN' && title.state) qualifiers.onBehalfOf = title.state;
    }
    const dates: Record<string, string> = {};
    if (cue.type === 'MEMBER_OF' || cue.type === 'PRESIDED') {
      const datesFrom = cue.dates === 'within' ? start : end;
      const after = findDates(
        this.text.slice(datesFrom, Math.min(sentence.end, end + 40)),
        this.input.language,
        this.input.published,
        datesFrom,
      );
      const date = after[0];
      if (date) {
        dates.start = date.value;
        dates.end = date.until ?? date.value;
      }
    }
    const focused = m.groups?.from === undefined || m.groups?.to === undefined;
    this.addFact(
      cue.type,
      from,
      to,
      [quote],
      focused ? cue.confidence * 0.9 : cue.confidence,
      cue.id,
      qualifiers,
      dates,
    );
  }

  /** The person named last before an offset (within a few sentences): who "il" or "le ministre" is. */
  personBefore(offset: number): string | undefined {
    const before = this.mentions.filter(
      (x) => x.label === 'Person' && x.end <= offset && offset - x.end < 600,
    );
    return before[before.length - 1]?.id;
  }

  /** The state named last before an offset (within a few sentences): an unnamed presidency's holder. */
  stateBefore(offset: number): string | undefined {
    const before = this.mentions.filter(
      (x) =>
        x.label === 'Organization' &&
        x.end <= offset &&
        offset - x.end < 600 &&
        (this.known.get(x.id)?.properties.kind ?? this.proposed.get(x.id)?.properties.kind) ===
          'state',
    );
    return before[before.length - 1]?.id;
  }

  /**
   * The mentions joined to a match's object by a comma or a coordinating word, of the object's
   * kind: "avec l' ⟦O39⟧ et l' ⟦O40⟧" gives ⟦O40⟧. Each with its end in the masked text.
   */
  coordinated(masked: Masked, m: RegExpExecArray): { index: number; end: number }[] {
    const object = m.groups?.to;
    if (object === undefined || !this.cues) return [];
    const slotRe = new RegExp(`⟦([A-Z])${object}⟧`, 'gu');
    slotRe.lastIndex = m.index;
    const slotMatch = slotRe.exec(masked.text);
    if (!slotMatch) return [];
    const letter = slotMatch[1]!;
    const next = new RegExp(
      `^(?:\\s*,\\s*|\\s+(?:${this.cues.coordination})\\s+|,\\s+(?:${this.cues.coordination})\\s+)(?:(?:${this.cues.definite}|${this.cues.coordinatedDeterminers})\\s?)?⟦${letter}(\\d+)⟧`,
      'iu',
    );
    const found: { index: number; end: number }[] = [];
    let at = slotMatch.index + slotMatch[0].length;
    for (let x = next.exec(masked.text.slice(at)); x; x = next.exec(masked.text.slice(at))) {
      at += x[0].length;
      found.push({ index: Number(x[1]), end: at });
    }
    return found;
  }

  /**
   * Delegations: "X, chef de la délégation vietnamienne aux réunions des hauts fonctionnaires de
   * l'ASEAN (SOM ASEAN-Vietnam)" names an organization (the delegation, new unless known), the
   * post X held in it and the delegation's part in the meeting, on behalf of its state.
   */
  delegations(): void {
    if (!this.cues) return;
    for (const m of this.plain.matchAll(new RegExp(this.cues.delegation, 'giu'))) {
      const phraseStart = m.index + m[0].length - m.groups!.phrase!.length;
      const meeting = this.mentions.find(
        (x) => x.label === 'Meeting' && x.start === m.index + m[0].length,
      );
      if (!meeting) continue;
      const sentence = this.sentenceAt(m.index);
      if (!sentence) continue;
      // The name runs to the end of the meeting's name and its complement ("de l'ASEAN").
      const tail = /^[^,.;()]*/u.exec(this.text.slice(meeting.end, sentence.end))![0].trimEnd();
      const nameEnd = meeting.end + tail.length;
      const name = capitalize(this.text.slice(phraseStart, nameEnd));
      const acronym = /^\s*\(([^()]{2,40})\)/u.exec(this.text.slice(nameEnd, sentence.end));
      const quoteEnd = acronym ? nameEnd + acronym[0].length : nameEnd;
      const quote = this.text.slice(m.index, quoteEnd);
      const stateName = this.cues.demonyms[m.groups!.demonym!.toLowerCase()];
      const state = stateName ? this.knownByName(stateName, 'Organization') : undefined;
      const id =
        this.knownByName(name, 'Organization') ??
        (acronym ? this.knownByName(acronym[1]!, 'Organization') : undefined) ??
        this.propose({
          label: 'Organization',
          name,
          labels: { [this.input.language]: name },
          aliases: acronym ? [{ text: acronym[1]!, lang: this.input.language }] : [],
          properties: { kind: 'delegation' },
          quote,
          reason: 'a delegation named with its head; no known organization has this name',
        }).id;
      this.addFact(
        'PARTICIPATED_IN',
        id,
        meeting.id,
        [this.text.slice(phraseStart, quoteEnd)],
        0.7,
        'name.delegation-to-meeting',
        { role: 'participant', ...(state ? { onBehalfOf: state } : {}) },
      );
      const person = this.personBefore(m.index);
      if (person && this.sentenceAt(this.mentions.find((x) => x.id === person)!.start) === sentence)
        this.addFact(
          'HELD_POSITION',
          person,
          id,
          [quote],
          0.7,
          'name.head-of-delegation',
          { title: 'Head of delegation' },
          this.input.published ? { attested: this.input.published.value } : {},
        );
    }
  }

  /** Facts that follow from how things are named, not from a verb. */
  structuralFacts(): void {
    const main = this.mainMeeting();
    // An organization named inside another's name belongs to it ("Conseil de sécurité des Nations Unies").
    for (const inner of this.inner) {
      const outer = this.mentions.find((m) => m.start <= inner.start && m.end >= inner.end);
      if (!outer || outer.label !== 'Organization' || inner.label !== 'Organization') continue;
      this.addFact('PART_OF', outer.id, inner.id, [outer.text], 0.6, 'name.nested-organization');
    }
    // A person's title: the position held, attested at the publication date.
    for (const [person, title] of this.titles) {
      if (!title.organization) continue;
      const quote = this.text.slice(
        title.phrase.start,
        this.mentions.find((m) => m.id === person && m.start >= title.phrase.end)?.end ??
          title.phrase.end,
      );
      this.addFact(
        'HELD_POSITION',
        person,
        title.organization,
        [quote],
        0.75,
        'title.held-position',
        { title: title.title },
        this.input.published ? { attested: this.input.published.value } : {},
      );
    }
    // The parties of a meeting named after them ("Dialogue … ASEAN - ONU").
    for (const meeting of this.proposed.values()) {
      if (meeting.label !== 'Meeting' || meeting.properties.kind === 'series') continue;
      const at = this.text.indexOf(meeting.quote);
      if (at < 0) continue;
      const inName = [...this.mentions, ...this.inner]
        .filter(
          (x) => x.label === 'Organization' && x.start >= at && x.end <= at + meeting.quote.length,
        )
        .sort((a, b) => a.start - b.start);
      for (let i = 0; i + 1 < inName.length; i++) {
        const [a, b] = [inName[i]!, inName[i + 1]!];
        if (!/^\s?[-–]\s?$/u.test(this.text.slice(a.end, b.start))) continue;
        for (const party of [a, b])
          this.addFact(
            'PARTICIPATED_IN',
            party.id,
            meeting.id,
            [meeting.quote],
            0.6,
            'name.parties-of-meeting',
            { role: 'participant' },
          );
      }
    }
    // An ordinal meeting belongs to its series.
    for (const [id, info] of this.meetingInfo) {
      if (!info.series) continue;
      const mention = this.mentions.find((m) => m.id === id);
      if (mention)
        this.addFact(
          'PART_OF',
          id,
          info.series,
          [this.proposed.get(id)?.quote ?? mention.text],
          0.8,
          'name.ordinal-of-series',
        );
    }
    // Every theme named in a sentence is a theme of the meeting that sentence is about, unless
    // the sentence says another meeting set it (ADOPTED).
    const adopted = new Set(
      [...this.facts.values()].filter((f) => f.type === 'ADOPTED').map((f) => f.to),
    );
    for (const theme of this.mentions.filter((m) => m.label === 'Theme')) {
      if (adopted.has(theme.id) || this.sessionThemes.has(theme.id)) continue;
      const sentence = this.sentenceAt(theme.start);
      if (!sentence) continue;
      const meeting = this.focusAt(sentence, theme.start, main);
      if (!meeting) continue;
      const meetingMention = this.mentions.find(
        (m) => m.id === meeting && m.start >= sentence.start && m.end <= theme.start,
      );
      const quote =
        meetingMention && theme.end - meetingMention.start < 250
          ? this.text.slice(meetingMention.start, theme.end)
          : this.quoteAround(theme.start, theme.end, 3);
      this.addFact(
        'COVERED',
        meeting,
        theme.id,
        [quote],
        meetingMention ? 0.6 : 0.4,
        'sentence.theme-of-meeting-in-focus',
      );
    }
  }

  /** Meeting dates: the closest date after a meeting's mention (or just before it) in its sentence. */
  meetingDates(): void {
    const best = new Map<string, { date: DateMention; gap: number; sentence: Sentence }>();
    for (const sentence of this.sentences) {
      const dates = findDates(
        sentence.text,
        this.input.language,
        this.input.published,
        sentence.start,
      );
      this.dates.push(...dates);
      const meetings = this.mentions.filter(
        (m) => m.label === 'Meeting' && m.start >= sentence.start && m.end <= sentence.end,
      );
      for (const date of dates) {
        if (date.until) continue;
        const preceding = meetings.filter((m) => m.end <= date.start && date.start - m.end <= 150);
        const following = meetings.filter((m) => m.start >= date.end && m.start - date.end <= 30);
        const candidate = preceding.length > 0 ? preceding[preceding.length - 1]! : following[0];
        if (!candidate || !this.proposed.has(candidate.id)) continue;
        const gap =
          candidate.end <= date.start ? date.start - candidate.end : candidate.start - date.end;
        const current = best.get(candidate.id);
        if (!current || gap < current.gap) best.set(candidate.id, { date, gap, sentence });
      }
    }
    for (const [id, { date }] of best) {
      const entity = this.proposed.get(id)!;
      if (entity.properties.kind === 'series') continue;
      entity.properties.start = date.value;
      let endValue = date.value;
      const length = this.meetingLength(id);
      if (length && parsePartialDate(date.value)?.precision === 'day')
        endValue = addDays(date.value, length - 1);
      entity.properties.end = endValue;
      entity.reason += `; dates from "${date.text}"${date.note ? ` (${date.note})` : ''}`;
    }
  }

  private meetingLength(id: string): number | undefined {
    for (const m of this.mentions) {
      if (m.id !== id) continue;
      const n = durationDays(this.text.slice(m.start, m.end + 20));
      if (n) return n;
    }
    return undefined;
  }

  // --- result ----------------------------------------------------------------------------------

  entityEvidence(documentId: string): EntityEvidence[] {
    const result: EntityEvidence[] = [];
    const seen = new Set<string>();
    const recorded = new Set(
      this.graph.evidence
        .filter((e) => e.document === documentId)
        .map((e) => `${e.about}\n${e.quote}`),
    );
    for (const m of this.mentions) {
      if (!this.known.has(m.id) || seen.has(m.id)) continue;
      seen.add(m.id);
      const quote = this.quoteAround(m.start, m.end, 3);
      if (!recorded.has(`${m.id}\n${quote}`)) result.push({ id: m.id, quote });
    }
    return result;
  }
}

/** The document's id: publisher, date and the first words of the title. */
function documentId(
  publisher: string | undefined,
  published: string | undefined,
  title: string | null,
  sha256: string,
): string {
  const words = title ? slugify(title, 40) : sha256.slice(0, 12);
  return slugify([publisher ?? 'article', published ?? '', words].filter(Boolean).join('-'), 90);
}

export function draftArticle(given: ArticleInput, graph: SeedGraph): Draft {
  const existingDocument = graph.entities.find(
    (e) => e.label === 'Document' && e.properties.sha256 === given.sha256,
  );
  // The publication date: given, else the seed's own for an article it has, else a text marker.
  const marker = publishedMarker(given.text);
  const published =
    given.published ??
    existingDocument?.dates.published ??
    (marker ? parsePartialDate(marker.value) : undefined);
  const input = { ...given, published };
  const builder = new DraftBuilder(input, graph);
  if (!builder.cues)
    builder.warnings.push(`no cue table for "${input.language}": only known entities are resolved`);

  builder.knownMentions();
  const publisher = existingDocument
    ? String(existingDocument.properties.publisher)
    : builder.publisher();
  builder.acronymOrganizations();
  builder.meetings();
  builder.personsWithTitles();
  builder.places();
  builder.organizers();
  builder.newNameMentions();
  builder.themes();
  builder.shortForms();
  builder.meetingDates();
  builder.cueFacts();
  builder.delegations();
  builder.structuralFacts();

  const publishedValue = input.published?.value;
  if (!publishedValue)
    builder.warnings.push(
      'no publication date: give --published (dates relative to it stay unresolved)',
    );
  if (!publisher) builder.warnings.push('no publisher: give --publisher ID or NAME');
  const id =
    existingDocument?.id ?? documentId(publisher, publishedValue, input.title, input.sha256);

  const documentEvidence: { quote: string }[] = [];
  if (marker) documentEvidence.push({ quote: input.text.slice(marker.start, marker.end) });
  if (publisher) {
    const m = builder.mentions.find((x) => x.id === publisher);
    if (m) {
      const quote = builder.proposed.get(publisher)?.quote ?? m.text;
      documentEvidence.push({ quote });
      builder.facts.set(`${publisher}--published--${id}`, {
        type: 'PUBLISHED',
        from: publisher,
        to: id,
        qualifiers: {},
        dates: {},
        quotes: [quote],
        confidence: 0.9,
        cue: 'document.publisher',
        status: 'new',
      });
    }
  }

  // A fact the graph holds (from another article) gets this article's quotes as evidence.
  const knownFacts = new Map<string, FactRecord>(graph.facts.map((f) => [f.id, f]));
  const recorded = new Set(graph.evidence.map((e) => `${e.about}\n${e.document}\n${e.quote}`));
  const facts: ProposedFact[] = [];
  for (const [key, fact] of builder.facts) {
    if (key.endsWith(`--${id}`) && fact.type === 'PUBLISHED' && existingDocument) {
      // handled like any other known fact below
    }
    const known = knownFacts.get(key);
    const quotes = fact.quotes.filter((q) => input.text.includes(q) && q.length <= 400);
    if (known) {
      fact.status = 'add-evidence';
      fact.qualifiers = Object.fromEntries(
        Object.entries(known.qualifiers).filter((e): e is [string, string] => e[1] !== null),
      );
      fact.dates = Object.fromEntries(Object.entries(known.dates).map(([k, v]) => [k, v.value]));
    }
    fact.quotes = quotes.filter((q) => !recorded.has(`${key}\n${id}\n${q}`));
    if (fact.quotes.length === 0) continue;
    if (existingDocument && !known) continue;
    facts.push(fact);
  }
  facts.sort(
    (a, b) =>
      a.type.localeCompare(b.type) || a.from.localeCompare(b.from) || a.to.localeCompare(b.to),
  );

  const entities = existingDocument
    ? []
    : [...builder.proposed.values()].filter((e) => input.text.includes(e.quote));
  // A fact whose new endpoint could not be quoted is dropped with it.
  const dropped = new Set(
    [...builder.proposed.keys()].filter((k) => !entities.some((e) => e.id === k)),
  );
  const kept = facts.filter((f) => !dropped.has(f.from) && !dropped.has(f.to));
  return {
    document: {
      id,
      file: existingDocument ? String(existingDocument.properties.file) : input.file,
      title: existingDocument
        ? ((existingDocument.properties.title as string | null) ?? null)
        : input.title,
      label: existingDocument
        ? String(existingDocument.properties.label)
        : (input.title ??
          `${builder.nameOf(publisher ?? '')} article of ${publishedValue ?? 'unknown date'}`),
      publisher: publisher ?? '',
      language: input.language,
      published: publishedValue ?? '',
      sha256: input.sha256,
      evidence: documentEvidence,
    },
    alreadyInSeeds: existingDocument !== undefined,
    // Names nested in a longer one ("Nations unies" in "Conseil de sécurité des Nations unies") are
    // mentions too: they say what the longer name's entity belongs to.
    mentions: [
      ...builder.mentions,
      ...builder.inner.map((m) => ({ ...m, via: 'nested' as const })),
    ].sort((a, b) => a.start - b.start),
    entities,
    entityEvidence: builder.entityEvidence(id),
    facts: kept,
    dates: builder.dates,
    warnings: builder.warnings,
  };
}
