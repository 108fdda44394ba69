import * as chrono from 'chrono-node';
import { parsePartialDate, type PartialDate } from '../model/partial-date.js';
import type { DraftLanguage } from './language.js';

/**
 * Dates in an article at the precision it gives them, resolved against the publication date:
 * "le 3 décembre" in a December 2019 report is 2019-12-03; "ce lundi" in a report dated only to
 * the month stays that month (never an invented day); "pour la période 2020-2021" is a period.
 * chrono-node finds day-and-month expressions and says which parts are certain; the month, year
 * and period forms it does not know in French are ours.
 */

export interface DateMention {
  start: number;
  end: number;
  text: string;
  /** ISO at precision: 2019-12-03, 2021-04, 2020. */
  value: string;
  /** A period's last value (same precision), when the text gives one. */
  until?: string;
  /** Why the precision is what it is, for the curator. */
  note?: string;
}

/** Month names as the language writes them (ICU's, through Intl): janvier …, January …. */
function monthNames(language: DraftLanguage): string[] {
  if (language === 'vi') return []; // Vietnamese writes "tháng 12": not drafted yet
  const format = new Intl.DateTimeFormat(language, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, month) =>
    format.format(new Date(Date.UTC(2000, month, 1))),
  );
}

const WEEKDAYS: Record<DraftLanguage, RegExp> = {
  fr: /\b(?:ce |le )?(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b/giu,
  en: /\b(?:on |this |last |next )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gu,
  vi: /$^/gu,
};

const VI_DAY = /(?<!\p{L})ngày (\d{1,2})(?:\/|\s+tháng\s+)(\d{1,2})(?:(?:\/|\s+năm\s+)(\d{4}))?/gu;
const VI_MONTH = /(?<!\p{L})tháng (\d{1,2})(?:(?:\/|\s+năm\s+)(\d{4}))?(?!\d)/gu;

const WEEKDAY_NUMBERS: Record<DraftLanguage, Record<string, number>> = {
  fr: { dimanche: 0, lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6 },
  en: { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 },
  vi: {},
};

const PERIOD: Record<DraftLanguage, RegExp> = {
  fr: /\b(?:(?:pour |durant |sur )?la période |de )?(\d{4}) ?(?:-|–|à) ?(\d{4})\b/gu,
  en: /\b(?:(?:for |over )?the (?:period|term) |from )?(\d{4}) ?(?:-|–|to) ?(\d{4})\b/gu,
  vi: /\b(\d{4}) ?[-–] ?(\d{4})\b/gu,
};

const YEAR: Record<DraftLanguage, RegExp> = {
  fr: /\b(?:[Ee]n|[Dd]epuis|[Aa]u cours de l['’]année|[Ll]['’][Aa]nnée) (\d{4})\b/gu,
  en: /\b(?:[Ii]n|[Ss]ince|[Dd]uring) (\d{4})\b/gu,
  vi: /\bnăm (\d{4})\b/gu,
};

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Whether the clause around a date speaks of the past or the future: what decides which
 * occurrence of a weekday, or which year of a day without one, the text means.
 */
// Word bounds that know letters beyond ASCII (\\b does not: "présidé" would not end a word).
const FUTURE: Record<DraftLanguage, RegExp> = {
  fr: /(?<!\p{L})(?:sera|seront|aura|auront|fera|feront|ira|iront|va|vont|prochaine?s?|\p{Ll}{3,}(?:ra|ront))(?!\p{L})/u,
  en: /(?<!\p{L})(?:will|shall|next|upcoming|is to|are to|is set to|are set to)(?!\p{L})|'ll(?!\p{L})/iu,
  vi: /(?<!\p{L})(?:sẽ|tới)(?!\p{L})/iu,
};
const PAST: Record<DraftLanguage, RegExp> = {
  fr: /(?<!\p{L})(?:(?:a|ont|avait|avaient|est|sont|s'est|se sont|fut|furent)\s+(?:\p{L}+\s+)?\p{L}+(?:é|ée|és|ées|i|is|it|u|us|ert|erte)|derni(?:er|ère))(?!\p{L})/iu,
  en: /(?<!\p{L})(?:was|were|had|did|last|ago|\p{L}{3,}ed)(?!\p{L})/iu,
  vi: /(?<!\p{L})(?:đã|vừa)(?!\p{L})/iu,
};

type Tense = 'past' | 'future' | undefined;

function tenseAround(text: string, start: number, end: number, language: DraftLanguage): Tense {
  const before = text.slice(0, start);
  const from = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf('\n'));
  const rest = text.slice(end);
  const stop = rest.search(/[.;\n]/u);
  const clause = text.slice(from + 1, stop < 0 ? text.length : end + stop).replace(/’/gu, "'");
  if (FUTURE[language].test(clause)) return 'future';
  if (PAST[language].test(clause)) return 'past';
  return undefined;
}

/**
 * The year of a day or month the text gives without one: the publication's, unless the tense
 * says the date is past (then the latest such date not after the publication) or to come (the
 * earliest not before it). "s'est ouvert le 3 décembre" in a January 2020 report is 2019-12-03.
 */
function yearFor(
  month: number,
  day: number | undefined,
  published: PartialDate,
  tense: Tense,
): number {
  const year = Number(published.value.slice(0, 4));
  const iso = (y: number) => `${y}-${pad(month)}-${pad(day ?? 1)}`;
  const last = (y: number) =>
    day === undefined ? parsePartialDate(`${y}-${pad(month)}`)!.max : iso(y);
  if (tense === 'past' && iso(year) > published.max) return year - 1;
  if (tense === 'future' && last(year) < published.min) return year + 1;
  return year;
}

/** A weekday's day: the one the tense points to from a day-precise publication date, if any. */
function weekdayFor(weekday: number, published: PartialDate, tense: Tense): string | undefined {
  const date = new Date(`${published.value}T00:00:00Z`);
  const today = date.getUTCDay();
  if (weekday === today && tense === undefined) return published.value;
  if (tense === 'future') date.setUTCDate(date.getUTCDate() + ((weekday - today + 7) % 7));
  else if (tense === 'past') date.setUTCDate(date.getUTCDate() - ((today - weekday + 7) % 7));
  else return undefined;
  return date.toISOString().slice(0, 10);
}

function monthPattern(language: DraftLanguage): RegExp | undefined {
  const names = monthNames(language);
  if (names.length === 0) return undefined;
  return new RegExp(`\\b(${names.join('|')})(?: (?:de l'année |de )?(\\d{4}))?\\b`, 'giu');
}

function monthNumber(language: DraftLanguage, name: string): number {
  return monthNames(language).findIndex((m) => m.toLowerCase() === name.toLowerCase()) + 1;
}

/** The parser for a language (chrono has no Vietnamese one). */
function chronoFor(language: DraftLanguage): chrono.Chrono | undefined {
  if (language === 'fr') return chrono.fr.casual;
  if (language === 'en') return chrono.en.casual;
  return undefined;
}

/** Every date expression in a stretch of text, with offsets relative to `base`. */
export function findDates(
  text: string,
  language: DraftLanguage,
  published: PartialDate | undefined,
  base = 0,
): DateMention[] {
  const found: DateMention[] = [];
  const taken = (start: number, end: number) =>
    found.some((d) => start < d.end - base && d.start - base < end);
  const add = (start: number, end: number, value: string, extra: Partial<DateMention> = {}) => {
    if (taken(start, end)) return;
    found.push({
      start: base + start,
      end: base + end,
      text: text.slice(start, end),
      value,
      ...extra,
    });
  };
  const year = published ? Number(published.value.slice(0, 4)) : undefined;

  // Day and month, with or without a year (chrono knows the certain parts).
  const parser = chronoFor(language);
  const reference = published ? new Date(`${published.min}T12:00:00Z`) : new Date();
  for (const result of parser?.parse(text, { instant: reference, timezone: 0 }) ?? []) {
    const s = result.start;
    if (!s.isCertain('day') || !s.isCertain('month')) continue;
    // Only written dates ("3 décembre"), not relative ones ("de deux jours" read as in two days).
    if (!/\d/u.test(result.text)) continue;
    const y = s.isCertain('year')
      ? s.get('year')
      : published &&
        yearFor(
          s.get('month')!,
          s.get('day')!,
          published,
          tenseAround(text, result.index, result.index + result.text.length, language),
        );
    if (y === undefined || y === null) continue;
    const trimmed = result.text.replace(/[\s,]+$/u, '');
    add(
      result.index,
      result.index + trimmed.length,
      `${y}-${pad(s.get('month')!)}-${pad(s.get('day')!)}`,
    );
  }
  // Vietnamese days and months ("ngày 12/3", "ngày 3 tháng 12 năm 2019", "tháng 4/2021"): chrono
  // has no Vietnamese parser.
  if (language === 'vi') {
    const clauseTense = (start: number, end: number) => tenseAround(text, start, end, language);
    for (const m of text.matchAll(VI_DAY)) {
      const [day, month] = [Number(m[1]), Number(m[2])];
      if (month < 1 || month > 12 || day < 1 || day > 31) continue;
      const y = m[3]
        ? Number(m[3])
        : published && yearFor(month, day, published, clauseTense(m.index, m.index + m[0].length));
      if (!y || !parsePartialDate(`${y}-${pad(month)}-${pad(day)}`)) continue;
      add(m.index, m.index + m[0].length, `${y}-${pad(month)}-${pad(day)}`);
    }
    for (const m of text.matchAll(VI_MONTH)) {
      const month = Number(m[1]);
      if (month < 1 || month > 12) continue;
      const y = m[2]
        ? Number(m[2])
        : published &&
          yearFor(month, undefined, published, clauseTense(m.index, m.index + m[0].length));
      if (!y) continue;
      add(m.index, m.index + m[0].length, `${y}-${pad(month)}`);
    }
  }
  // Periods of years.
  for (const m of text.matchAll(PERIOD[language])) {
    if (Number(m[2]) <= Number(m[1])) continue;
    add(m.index, m.index + m[0].length, m[1]!, { until: m[2]! });
  }
  // A month, with its year or in the publication's year.
  const months = monthPattern(language);
  for (const m of months ? text.matchAll(months) : []) {
    const number = monthNumber(language, m[1]!);
    const y = m[2]
      ? Number(m[2])
      : published &&
        yearFor(
          number,
          undefined,
          published,
          tenseAround(text, m.index, m.index + m[0].length, language),
        );
    if (y === undefined || number === 0) continue;
    add(
      m.index,
      m.index + m[0].length,
      `${y}-${pad(number)}`,
      m[2]
        ? {}
        : {
            note:
              y === year
                ? 'year of the publication date'
                : 'the year the tense points to from the publication date',
          },
    );
  }
  // A year alone.
  for (const m of text.matchAll(YEAR[language])) {
    const at = m.index + m[0].length - m[1]!.length;
    add(at, at + m[1]!.length, m[1]!);
  }
  // A weekday: a day only when the publication date gives the day; otherwise the publication's
  // own precision (the text never says which Monday).
  for (const m of text.matchAll(WEEKDAYS[language])) {
    if (!published) continue;
    if (published.precision === 'day') {
      // Which Monday: the next one in "mènera ce lundi", the last one in "a présidé lundi"; with
      // no tense to tell, only the day of publication itself, else no day at all.
      const weekday = WEEKDAY_NUMBERS[language][m[1]!.toLowerCase()];
      const tense = tenseAround(text, m.index, m.index + m[0].length, language);
      const day = weekday === undefined ? undefined : weekdayFor(weekday, published, tense);
      if (day)
        add(m.index, m.index + m[0].length, day, {
          note: `weekday resolved against the day of publication${tense ? ` (${tense} tense)` : ''}`,
        });
      else {
        // The last and the next such weekday: their common month (or year), never a day.
        const before = weekdayFor(weekday ?? 0, published, 'past');
        const after = weekdayFor(weekday ?? 0, published, 'future');
        const common =
          before?.slice(0, 7) === after?.slice(0, 7)
            ? before?.slice(0, 7)
            : before?.slice(0, 4) === after?.slice(0, 4)
              ? before?.slice(0, 4)
              : undefined;
        if (common)
          add(m.index, m.index + m[0].length, common, {
            note: 'weekday: the tense does not say which one, so no day is invented',
          });
      }
    } else {
      add(m.index, m.index + m[0].length, published.value, {
        note: `weekday: the publication date gives only the ${published.precision}, so no day is invented`,
      });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** How many days a meeting lasts, when the text says so ("de deux jours", "two-day"). */
export function durationDays(text: string): number | undefined {
  const words: Record<string, number> = {
    deux: 2,
    trois: 3,
    quatre: 4,
    cinq: 5,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
  };
  const m = /\b(?:de (deux|trois|quatre|cinq|\d) jours|(two|three|four|five|\d)[- ]day)\b/iu.exec(
    text,
  );
  if (!m) return undefined;
  const word = (m[1] ?? m[2])!.toLowerCase();
  return words[word] ?? Number(word);
}

/** The day `days` after an ISO day (for a meeting's end from its start and length). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A publication date given as ISO at precision, or an error message. */
export function parsePublished(value: string): PartialDate | string {
  return (
    parsePartialDate(value) ??
    `"${value}" is not an ISO date at precision (2019, 2019-12 or 2019-12-04)`
  );
}

/** A publication date marker a scraped text may carry ("date 2019-12"). */
export function publishedMarker(
  text: string,
): { value: string; start: number; end: number } | undefined {
  const m = /(?:^|\s)date (\d{4}(?:-\d{2}(?:-\d{2})?)?)\b/u.exec(text);
  if (!m || !parsePartialDate(m[1]!)) return undefined;
  const start = m.index + m[0].indexOf('date');
  return { value: m[1]!, start, end: start + `date ${m[1]}`.length };
}
