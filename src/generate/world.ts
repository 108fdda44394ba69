import { foldName } from '../model/graph-model.js';
import {
  CITIES,
  CULTURES,
  HUBS,
  MEETING_KINDS,
  MINISTRY_DOMAINS,
  NAME_WORDS,
  REGIONS,
  SYNTHETIC_ORGS,
  THEME_ASPECTS,
  THEME_DOMAINS,
  titlesFor,
  VENUES,
  type Lang,
  type Title,
} from './names.js';
import { Rng, Zipf } from './random.js';

/**
 * The synthetic world: every person, organization, theme, place, meeting and document is a pure
 * function of (seed, index), so the writer can stream documents in order and recompute whatever a
 * document mentions. Only small per-index tables are kept (document boundaries, organizations by
 * kind, sampling tables), never the graph.
 */

/** Entity counts at scale N (N=1: ~10k actors, 20k meetings, 500 themes, ~200k facts). */
export interface Counts {
  persons: number;
  organizations: number;
  meetings: number;
  themes: number;
  places: number;
}

export function countsFor(scale: number): Counts {
  const at = (base: number, floor: number) => Math.max(floor, Math.round(base * scale));
  return {
    persons: at(8000, 24),
    organizations: at(2000, 40),
    meetings: at(20000, 60),
    themes: at(500, 12),
    places: at(300, 12),
  };
}

/** Meetings start being reported in 1975; eight times as many meet in 2024 as in 1975. */
const FIRST_YEAR = 1975;
const SPAN_YEARS = 50;
const GROWTH = Math.log(8) / SPAN_YEARS;
const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(FIRST_YEAR, 0, 1);
const LAST_DAY = Date.UTC(2024, 11, 31);
/** Every SERIES_EVERY-th meeting is a series (e.g. "ASEAN Regional Forum") others belong to. */
const SERIES_EVERY = 40;

export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDay {
  /** Milliseconds since 1970 (UTC) of the day. */
  time: number;
  precision: DatePrecision;
}

export function isoAt(date: PartialDay): string {
  const iso = new Date(date.time).toISOString();
  return date.precision === 'day'
    ? iso.slice(0, 10)
    : date.precision === 'month'
      ? iso.slice(0, 7)
      : iso.slice(0, 4);
}

/** Lowercase ASCII slug of a name (ids must match ^[a-z0-9]+(-[a-z0-9]+)*$). */
export function slug(text: string, max = 60): string {
  const ascii = foldName(text)
    .replace(/[łŀ]/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ð/g, 'd')
    .replace(/þ/g, 'th')
    .replace(/ı/g, 'i');
  return (
    ascii
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, max)
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

/** An ASCII spelling of a name, as users type it ("Nguyễn Văn An" -> "Nguyen Van An"). */
export function asciiName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ø/g, 'o')
    .replace(/Ø/g, 'O')
    .replace(/ı/g, 'i')
    .replace(/ð/g, 'd')
    .replace(/ß/g, 'ss');
}

export interface Person {
  index: number;
  id: string;
  name: string;
  ascii: string;
  vietnamese: boolean;
  /** Organization index of the person's post, the post, and its dates. */
  affiliation: number;
  title: Title;
  start: PartialDay;
  end?: PartialDay;
}

export interface Organization {
  index: number;
  id: string;
  name: string;
  short?: string;
  kind: string;
  fr: string;
  vi?: string;
  wikidata?: string;
  /** Organization indexes it is a member of, and the one it is part of. */
  memberOf: number[];
  partOf?: number;
  /** Synthetic forums: the states that joined (stated by the forum's own article). */
  members?: number[];
}

export interface Theme {
  index: number;
  id: string;
  name: string;
  fr: string;
}

export interface Place {
  index: number;
  id: string;
  name: string;
  fr: string;
  vi?: string;
  ascii: string;
}

export interface Participant {
  person: number;
  role: string;
}

export interface Meeting {
  index: number;
  id: string;
  name: string;
  fr: string;
  kind: string;
  series: boolean;
  format?: string;
  ordinal?: number;
  /** Dates as published: absent for an undated meeting; `day` is its (hidden) actual day. */
  start?: PartialDay;
  end?: PartialDay;
  day: number;
  place: number;
  organizer?: number;
  host?: number;
  chairPerson?: number;
  chairOrganization?: number;
  participants: Participant[];
  organizations: number[];
  themes: number[];
  partOf?: number;
}

export interface DocumentMeta {
  index: number;
  id: string;
  language: Lang;
  publisher: number;
  published: PartialDay;
  /** Meetings it reports: [first, end). */
  meetings: [number, number];
}

const ROLES: ReadonlyArray<readonly [string, number]> = [
  ['participant', 70],
  ['speaker', 15],
  ['observer', 8],
  ['opening_speaker', 4],
  ['rapporteur', 3],
];

function ordinalEn(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : n % 10 === 1
        ? 'st'
        : n % 10 === 2
          ? 'nd'
          : n % 10 === 3
            ? 'rd'
            : 'th';
  return `${n}${suffix}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export class World {
  readonly counts: Counts;
  readonly documents: number;
  /** Document d reports meetings docStart[d] .. docStart[d+1]-1. */
  private readonly docStart: Int32Array;
  private readonly orgKinds: string[];
  /** Organization indexes by role, in rank order (hubs first). */
  private readonly states: Int32Array;
  private readonly organizers: Int32Array;
  private readonly affiliations: Int32Array;
  private readonly actors: Int32Array;
  private readonly publishers: Int32Array;
  private readonly zipf: Record<
    | 'persons'
    | 'themes'
    | 'places'
    | 'states'
    | 'organizers'
    | 'affiliations'
    | 'actors'
    | 'publishers',
    Zipf
  >;
  private readonly hubCount: number;

  constructor(
    readonly seed: number,
    readonly scale: number,
  ) {
    this.counts = countsFor(scale);
    const { meetings, organizations } = this.counts;
    // Articles report 1 to 12 meetings, 4 on average.
    const starts: number[] = [0];
    for (let d = 0, at = 0; at < meetings; d++) {
      at = Math.min(meetings, at + new Rng(seed, 'doc-length', d).pareto(1, 1.6, 12) + 1);
      starts.push(at);
    }
    this.docStart = Int32Array.from(starts);
    this.documents = starts.length - 1;

    this.hubCount = Math.min(HUBS.length, Math.floor(organizations * 0.6));
    this.orgKinds = [];
    for (let k = 0; k < organizations; k++) {
      this.orgKinds.push(
        k < this.hubCount
          ? HUBS[k]!.kind
          : new Rng(seed, 'organization-kind', k).weighted(SYNTHETIC_ORGS),
      );
    }
    const where = (test: (kind: string) => boolean) =>
      Int32Array.from(this.orgKinds.flatMap((kind, k) => (test(kind) ? [k] : [])));
    this.states = where((k) => k === 'state');
    this.organizers = where((k) =>
      ['intergovernmental_organization', 'un_organ', 'ministry', 'institute'].includes(k),
    );
    this.affiliations = where((k) =>
      [
        'state',
        'ministry',
        'intergovernmental_organization',
        'un_organ',
        'delegation',
        'institute',
        'political_party',
      ].includes(k),
    );
    this.actors = where((k) => !['news_agency', 'newspaper'].includes(k));
    let publishers = where((k) => k === 'news_agency' || k === 'newspaper');
    // Tiny scales may draw no outlet at all: the last organization becomes one.
    if (publishers.length === 0) {
      this.orgKinds[organizations - 1] = 'news_agency';
      publishers = Int32Array.of(organizations - 1);
    }
    this.publishers = publishers;
    this.zipf = {
      persons: new Zipf(this.counts.persons, 1.0),
      themes: new Zipf(this.counts.themes, 0.9),
      places: new Zipf(this.counts.places, 1.1),
      states: new Zipf(this.states.length, 0.8),
      organizers: new Zipf(this.organizers.length, 1.1),
      affiliations: new Zipf(this.affiliations.length, 1.0),
      actors: new Zipf(this.actors.length, 1.1),
      publishers: new Zipf(this.publishers.length, 0.8),
    };
  }

  /** Which block of entities of a population of `count` is introduced by document d. */
  homeRange(count: number, d: number): [number, number] {
    return [
      Math.floor((d * count) / this.documents),
      Math.floor(((d + 1) * count) / this.documents),
    ];
  }

  /** The document introducing entity `index` of a population of `count` (inverse of homeRange). */
  homeOf(count: number, index: number): number {
    let d = Math.floor((index * this.documents) / count);
    while (d > 0 && this.homeRange(count, d)[0] > index) d--;
    while (this.homeRange(count, d)[1] <= index) d++;
    return d;
  }

  /** The document reporting meeting m. */
  documentOfMeeting(m: number): number {
    let lo = 0;
    let hi = this.documents - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (this.docStart[mid]! <= m) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private drawOrg(list: Int32Array, zipf: Zipf, rng: Rng): number {
    return list[zipf.sample(rng)]!;
  }

  person(j: number): Person {
    const rng = new Rng(this.seed, 'person', j);
    const culture = rng.weighted(CULTURES.map((c) => [c, c.weight] as const));
    const given = rng.pick(culture.given);
    const family = rng.pick(culture.family);
    const name = culture.familyFirst
      ? `${family} ${rng.pick(culture.middle ?? [''])} ${given}`.replace(/\s+/g, ' ')
      : `${given} ${family}`;
    const affiliation = this.drawOrg(this.affiliations, this.zipf.affiliations, rng);
    const title = rng.pick(titlesFor(this.orgKinds[affiliation]!));
    // The post as the introducing article knows it: taken up before it, ended before it or not.
    const asOf = this.documentDay(this.homeOf(this.counts.persons, j));
    const precision = rng.weighted<DatePrecision>([
      ['year', 50],
      ['month', 35],
      ['day', 15],
    ]);
    const start = { time: asOf - rng.int(12 * 365) * DAY_MS, precision };
    const endTime = start.time + (365 + rng.int(8 * 365)) * DAY_MS;
    const end =
      endTime <= asOf && rng.chance(0.7)
        ? { time: endTime, precision: rng.chance(0.5) ? ('year' as const) : precision }
        : undefined;
    return {
      index: j,
      id: `${slug(name)}-${j.toString(36)}`,
      name,
      ascii: asciiName(name),
      vietnamese: culture === CULTURES[0],
      affiliation,
      title,
      start,
      ...(end ? { end } : {}),
    };
  }

  organization(k: number): Organization {
    if (k < this.hubCount) {
      const hub = HUBS[k]!;
      const index = (id: string) => HUBS.findIndex((h) => h.id === id);
      return {
        index: k,
        id: hub.id,
        name: hub.name,
        ...(hub.short ? { short: hub.short } : {}),
        kind: hub.kind,
        fr: hub.fr,
        ...(hub.vi ? { vi: hub.vi } : {}),
        ...(hub.wikidata ? { wikidata: hub.wikidata } : {}),
        memberOf: (hub.memberOf ?? []).map(index).filter((i) => i >= 0 && i < this.hubCount),
        ...(hub.partOf && index(hub.partOf) < this.hubCount ? { partOf: index(hub.partOf) } : {}),
      };
    }
    const rng = new Rng(this.seed, 'organization', k);
    const kind = this.orgKinds[k]!;
    const word = rng.pick(NAME_WORDS);
    const state = this.organization(this.drawOrg(this.states, this.zipf.states, rng));
    const base = { index: k, kind, memberOf: [] as number[] };
    let named: { name: string; fr: string; vi?: string; partOf?: number };
    switch (kind) {
      case 'ministry': {
        const domain = rng.pick(MINISTRY_DOMAINS);
        named = {
          name: `Ministry of ${domain.en} of ${state.name}`,
          fr: `Ministère ${domain.fr} (${state.fr})`,
          vi: `Bộ ${domain.vi} ${state.vi ?? state.name}`,
          partOf: state.index,
        };
        break;
      }
      case 'institute': {
        const domain = rng.pick(THEME_DOMAINS);
        named = {
          name: `${word} Institute for Studies on ${domain.en}`,
          fr: `Institut ${word} d’études sur ${domain.fr}`,
          vi: `Viện Nghiên cứu ${domain.vi} ${word}`,
        };
        break;
      }
      case 'delegation': {
        const igo = this.organization(this.drawOrg(this.organizers, this.zipf.organizers, rng));
        named = {
          name: `Delegation of ${state.name} to the ${igo.short ?? igo.name}`,
          fr: `Délégation (${state.fr}) auprès de ${igo.fr}`,
          partOf: state.index,
        };
        break;
      }
      case 'news_agency':
        named = {
          name: `${word} News Agency`,
          fr: `Agence de presse ${word}`,
          vi: `Thông tấn xã ${word}`,
        };
        break;
      case 'newspaper':
        named = { name: `${word} Daily`, fr: `Le Quotidien ${word}`, vi: `Báo ${word}` };
        break;
      case 'political_party':
        named = {
          name: `${word} People’s Party of ${state.name}`,
          fr: `Parti populaire ${word} (${state.fr})`,
          vi: `Đảng Nhân dân ${word}`,
        };
        break;
      case 'intergovernmental_organization': {
        const region = rng.pick(REGIONS);
        const members = new Set<number>();
        const wanted = 3 + rng.int(6);
        for (let i = 0; i < wanted * 2 && members.size < wanted; i++)
          members.add(this.drawOrg(this.states, this.zipf.states, rng));
        const name = `${word} Forum for ${region.en}`;
        return {
          ...base,
          id: `${slug(name)}-${k.toString(36)}`,
          name,
          fr: `Forum ${word} pour ${region.fr}`,
          members: [...members].sort((a, b) => a - b),
        };
      }
      default:
        named = { name: `${word} Foundation`, fr: `Fondation ${word}` };
    }
    return { ...base, id: `${slug(named.name)}-${k.toString(36)}`, ...named };
  }

  theme(t: number): Theme {
    const domain = THEME_DOMAINS[t % THEME_DOMAINS.length]!;
    const aspect = THEME_ASPECTS[Math.floor(t / THEME_DOMAINS.length) % THEME_ASPECTS.length]!;
    const r = Math.floor(t / (THEME_DOMAINS.length * THEME_ASPECTS.length));
    const region = r === 0 ? undefined : REGIONS[(r - 1) % REGIONS.length];
    const round = Math.floor((r - 1) / REGIONS.length);
    let name = t < THEME_DOMAINS.length ? capitalize(domain.en) : `${aspect.en} ${domain.en}`;
    let fr = t < THEME_DOMAINS.length ? capitalize(domain.fr) : `${aspect.fr} ${domain.fr}`;
    if (region) {
      name += ` in ${region.en}`;
      fr += ` en ${region.fr}`;
    }
    if (round > 0) {
      name += ` (${round + 1})`;
      fr += ` (${round + 1})`;
    }
    return { index: t, id: `${slug(name)}-${t.toString(36)}`, name, fr };
  }

  place(p: number): Place {
    const c = p % CITIES.length;
    const city = CITIES[c]!;
    if (p < CITIES.length) {
      return {
        index: p,
        id: `${slug(city.ascii ?? city.name)}-${p.toString(36)}`,
        name: city.name,
        fr: city.fr,
        ...(city.vi ? { vi: city.vi } : {}),
        ascii: city.ascii ?? asciiName(city.name),
      };
    }
    const venue = VENUES[Math.floor(p / CITIES.length - 1) % VENUES.length]!;
    const name = `${venue.en}, ${city.name}`;
    return {
      index: p,
      id: `${slug(name)}-${p.toString(36)}`,
      name,
      fr: `${venue.fr}, ${city.fr}`,
      vi: `${venue.vi}, ${city.vi ?? city.name}`,
      ascii: asciiName(name),
    };
  }

  /** The (hidden) day of meeting m: meetings are in date order, denser in recent years. */
  private meetingDay(m: number, rng: Rng): number {
    const t = (m + rng.next()) / this.counts.meetings;
    const years = Math.log(1 + t * (Math.exp(GROWTH * SPAN_YEARS) - 1)) / GROWTH;
    return Math.min(LAST_DAY, EPOCH + Math.floor(years * 365.25) * DAY_MS);
  }

  meeting(m: number): Meeting {
    const rng = new Rng(this.seed, 'meeting', m);
    const day = this.meetingDay(m, rng);
    const series = m % SERIES_EVERY === 0;
    const seriesOf =
      series || m < SERIES_EVERY || !rng.chance(0.35) ? undefined : this.seriesFor(m, rng);
    const parent = seriesOf === undefined ? undefined : this.meeting(seriesOf);
    const organizer =
      parent?.organizer ??
      (rng.chance(series ? 1 : 0.6)
        ? this.drawOrg(this.organizers, this.zipf.organizers, rng)
        : undefined);
    const themeCount = 1 + rng.pareto(1, 2.2, 4) - 1 + (rng.chance(0.4) ? 1 : 0);
    const themes = new Set<number>(parent ? [parent.themes[0]!] : []);
    while (themes.size < themeCount) themes.add(this.zipf.themes.sample(rng));
    const [kind, kindEn, kindFr] = series
      ? (['series', 'Meeting Series', 'série de réunions'] as const)
      : (() => {
          const pickedKind = rng.weighted(MEETING_KINDS.map((k) => [k, k[3]] as const));
          return [pickedKind[0], pickedKind[1], pickedKind[2]] as const;
        })();
    const place = this.zipf.places.sample(rng);
    const placeEntity = this.place(place);
    const firstTheme = this.theme([...themes][0]!);
    const who = organizer === undefined ? undefined : this.organization(organizer);
    const whoName = who ? (who.short ?? who.name) : 'International';
    const year = new Date(day).getUTCFullYear();
    const ordinal = parent ? 1 + Math.floor((m - parent.index) / 37) : undefined;
    const name = series
      ? `${whoName} ${kindEn} on ${firstTheme.name.toLowerCase()}`
      : `${ordinal ? `${ordinalEn(ordinal)} ` : ''}${whoName} ${kindEn} on ${firstTheme.name.toLowerCase()} (${placeEntity.ascii}, ${year})`;
    const fr = series
      ? `${capitalize(kindFr)} ${who ? `de ${who.short ?? who.fr}` : 'internationale'} sur ${firstTheme.fr.toLowerCase()}`
      : `${capitalize(kindFr)}${ordinal ? ` (${ordinal}e)` : ''} ${who ? `de ${who.short ?? who.fr}` : 'internationale'} sur ${firstTheme.fr.toLowerCase()} (${placeEntity.fr}, ${year})`;

    const precision = rng.weighted<DatePrecision>([
      ['day', 70],
      ['month', 20],
      ['year', 10],
    ]);
    const dated = series || !rng.chance(0.03);
    const start = dated
      ? { time: day, precision: series ? ('year' as const) : precision }
      : undefined;
    const end =
      start && !series && precision === 'day' && rng.chance(0.4)
        ? { time: Math.min(LAST_DAY + 3 * DAY_MS, day + (1 + rng.int(3)) * DAY_MS), precision }
        : undefined;

    const participants: Participant[] = [];
    const seen = new Set<number>();
    const chairPerson = rng.chance(0.9) ? this.zipf.persons.sample(rng) : undefined;
    if (chairPerson !== undefined) seen.add(chairPerson);
    const personCount = series ? 0 : rng.pareto(1, 1.5, 40) + (rng.chance(0.5) ? 1 : 0);
    for (let i = 0; i < personCount; i++) {
      const j = this.zipf.persons.sample(rng);
      if (seen.has(j)) continue;
      seen.add(j);
      participants.push({ person: j, role: rng.weighted(ROLES) });
    }
    const orgSet = new Set<number>();
    const orgCount = series ? 0 : rng.pareto(1, 1.3, 30) + (rng.chance(0.3) ? 1 : 0);
    for (let i = 0; i < orgCount; i++) orgSet.add(this.drawOrg(this.actors, this.zipf.actors, rng));
    const format =
      series || !rng.chance(0.7)
        ? undefined
        : year >= 2020
          ? rng.weighted([
              ['in_person', 50],
              ['virtual', 25],
              ['hybrid', 25],
            ] as const)
          : rng.weighted([
              ['in_person', 92],
              ['virtual', 3],
              ['hybrid', 5],
            ] as const);
    const chairOrganization = rng.chance(0.25)
      ? this.drawOrg(this.states, this.zipf.states, rng)
      : undefined;
    const host =
      !series && rng.chance(0.4) ? this.drawOrg(this.states, this.zipf.states, rng) : undefined;
    return {
      index: m,
      id: `${slug(whoName, 24)}-${kind.replace(/_/g, '-')}-${year}-${m.toString(36)}`,
      name,
      fr,
      kind,
      series,
      ...(format ? { format } : {}),
      ...(ordinal ? { ordinal } : {}),
      ...(start ? { start } : {}),
      ...(end ? { end } : {}),
      day,
      place,
      ...(organizer !== undefined ? { organizer } : {}),
      ...(host !== undefined ? { host } : {}),
      ...(chairPerson !== undefined && !series ? { chairPerson } : {}),
      ...(chairOrganization !== undefined && !series ? { chairOrganization } : {}),
      participants,
      organizations: [...orgSet].sort((a, b) => a - b),
      themes: [...themes],
      ...(parent ? { partOf: parent.index } : {}),
    };
  }

  /** A series meeting m belongs to: an earlier one, recent series more likely. */
  private seriesFor(m: number, rng: Rng): number {
    const last = Math.floor((m - 1) / SERIES_EVERY);
    const back = Math.min(last, rng.pareto(1, 1.2, last + 1) - 1);
    return (last - back) * SERIES_EVERY;
  }

  /** The day of the last meeting an article reports (it is published on or soon after it). */
  private documentDay(d: number): number {
    const last = this.docStart[d + 1]! - 1;
    return this.meetingDay(last, new Rng(this.seed, 'meeting', last));
  }

  document(d: number): DocumentMeta {
    const rng = new Rng(this.seed, 'document', d);
    const first = this.docStart[d]!;
    const end = this.docStart[d + 1]!;
    const published = {
      time: this.documentDay(d) + rng.int(3) * DAY_MS,
      precision: rng.chance(0.8) ? ('day' as const) : ('month' as const),
    };
    const language = rng.weighted<Lang>([
      ['en', 50],
      ['fr', 25],
      ['vi', 25],
    ]);
    return {
      index: d,
      id: `article-${isoAt({ ...published, precision: 'month' })}-${d.toString(36)}`,
      language,
      publisher: this.drawOrg(this.publishers, this.zipf.publishers, rng),
      published,
      meetings: [first, end],
    };
  }

  /** A few articles recall a fact from an earlier one (the same fact, stated twice). */
  recalledMeeting(d: number): number | undefined {
    const rng = new Rng(this.seed, 'recall', d);
    const first = this.docStart[d]!;
    if (first === 0 || !rng.chance(0.08)) return undefined;
    return rng.int(first);
  }

  /** Yearly rotating presidencies of the first intergovernmental hubs (PRESIDED facts). */
  presidencies(org: Organization): { state: number; year: number }[] {
    if (org.index >= this.hubCount || org.kind !== 'intergovernmental_organization') return [];
    const members = this.states.filter((s) => this.organization(s).memberOf.includes(org.index));
    if (members.length === 0) return [];
    const out: { state: number; year: number }[] = [];
    for (let year = 1995; year <= 2024; year++) {
      out.push({ state: members[(year + org.index) % members.length]!, year });
    }
    return out;
  }
}
