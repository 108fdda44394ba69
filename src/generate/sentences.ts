import type { Lang } from './names.js';
import type { Meeting, Organization, PartialDay, Person, Place, Theme } from './world.js';

/**
 * The sentences of the synthetic articles, in the article's language. Each fact's evidence quote
 * is one of these sentences, written into the article text, so quotes and checksums are real.
 */

const MONTHS: Record<Lang, string[]> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  fr: [
    'janvier',
    'février',
    'mars',
    'avril',
    'mai',
    'juin',
    'juillet',
    'août',
    'septembre',
    'octobre',
    'novembre',
    'décembre',
  ],
  vi: [],
};

/** "on 3 December 2019" / "in December 2019" / "in 2019", in the article's language. */
export function dateText(date: PartialDay, lang: Lang, bare = false): string {
  const d = new Date(date.time);
  const year = d.getUTCFullYear();
  const month = d.getUTCMonth();
  const day = d.getUTCDate();
  if (lang === 'vi') {
    if (date.precision === 'day')
      return `${bare ? '' : 'ngày '}${day} tháng ${month + 1} năm ${year}`;
    if (date.precision === 'month') return `${bare ? '' : 'vào '}tháng ${month + 1} năm ${year}`;
    return `${bare ? '' : 'vào '}năm ${year}`;
  }
  const months = MONTHS[lang];
  if (date.precision === 'day')
    return `${bare ? '' : lang === 'fr' ? 'le ' : 'on '}${day} ${months[month]} ${year}`;
  if (date.precision === 'month')
    return `${bare ? '' : lang === 'fr' ? 'en ' : 'in '}${months[month]} ${year}`;
  return `${bare ? '' : lang === 'fr' ? 'en ' : 'in '}${year}`;
}

const orgName = (o: Organization, lang: Lang) =>
  lang === 'fr' ? o.fr : lang === 'vi' ? (o.vi ?? o.name) : o.name;
const placeName = (p: Place, lang: Lang) =>
  lang === 'fr' ? p.fr : lang === 'vi' ? (p.vi ?? p.name) : p.name;
const meetingName = (m: Meeting, lang: Lang) => (lang === 'fr' ? `« ${m.fr} »` : m.name);

export function byline(publisher: Organization, published: PartialDay, lang: Lang): string {
  return `${orgName(publisher, lang)} — ${dateText(published, lang, true)}`;
}

export function personIntro(p: Person, org: Organization, lang: Lang): string {
  const since = dateText(p.start, lang, true);
  const until = p.end ? dateText(p.end, lang, true) : undefined;
  if (lang === 'fr')
    return until
      ? `${p.name} a été ${p.title.fr} (${org.fr}) de ${since} à ${until}.`
      : `${p.name}, ${p.title.fr} (${org.fr}), a pris ses fonctions ${dateText(p.start, 'fr')}.`;
  if (lang === 'vi')
    return until
      ? `${p.name} giữ chức ${p.title.vi} (${orgName(org, 'vi')}) từ ${since} đến ${until}.`
      : `${p.name}, ${p.title.vi} (${orgName(org, 'vi')}), nhậm chức ${dateText(p.start, 'vi')}.`;
  return until
    ? `${p.name} served as ${p.title.en} of ${org.name} from ${since} to ${until}.`
    : `${p.name}, ${p.title.en} of ${org.name}, took office ${dateText(p.start, 'en')}.`;
}

const KIND_PHRASES: Record<string, Record<Lang, string>> = {
  intergovernmental_organization: {
    en: 'an intergovernmental organization',
    fr: 'une organisation intergouvernementale',
    vi: 'một tổ chức liên chính phủ',
  },
  un_organ: {
    en: 'a body of the United Nations system',
    fr: 'un organe du système des Nations unies',
    vi: 'một cơ quan thuộc hệ thống Liên Hợp Quốc',
  },
  state: { en: 'a sovereign state', fr: 'un État souverain', vi: 'một quốc gia có chủ quyền' },
  ministry: { en: 'a government ministry', fr: 'un ministère', vi: 'một bộ của chính phủ' },
  political_party: { en: 'a political party', fr: 'un parti politique', vi: 'một đảng chính trị' },
  institute: {
    en: 'a research institute',
    fr: 'un institut de recherche',
    vi: 'một viện nghiên cứu',
  },
  news_agency: { en: 'a news agency', fr: 'une agence de presse', vi: 'một hãng thông tấn' },
  newspaper: { en: 'a daily newspaper', fr: 'un quotidien', vi: 'một tờ nhật báo' },
  delegation: {
    en: 'a diplomatic delegation',
    fr: 'une délégation diplomatique',
    vi: 'một phái đoàn ngoại giao',
  },
  other: { en: 'a foundation', fr: 'une fondation', vi: 'một quỹ' },
};

export function organizationIntro(o: Organization, lang: Lang): string {
  const name = `${orgName(o, lang)}${o.short ? ` (${o.short})` : ''}`;
  const kind = KIND_PHRASES[o.kind]![lang];
  if (lang === 'fr') return `${name} est ${kind}.`;
  if (lang === 'vi') return `${name} là ${kind}.`;
  return `${name} is ${kind}.`;
}

export function memberSentence(member: Organization, of: Organization, lang: Lang): string {
  if (lang === 'fr') return `${member.fr} est membre de ${of.fr}.`;
  if (lang === 'vi') return `${orgName(member, 'vi')} là thành viên của ${orgName(of, 'vi')}.`;
  return `${member.name} is a member of the ${of.name}.`;
}

export function partOfOrganizationSentence(
  part: Organization,
  of: Organization,
  lang: Lang,
): string {
  if (lang === 'fr') return `${part.fr} relève de ${of.fr}.`;
  if (lang === 'vi') return `${orgName(part, 'vi')} trực thuộc ${orgName(of, 'vi')}.`;
  return `${part.name} is part of ${of.name}.`;
}

export function presidedSentence(
  state: Organization,
  of: Organization,
  year: number,
  lang: Lang,
): string {
  if (lang === 'fr') return `${state.fr} a assuré la présidence de ${of.fr} en ${year}.`;
  if (lang === 'vi')
    return `${orgName(state, 'vi')} giữ cương vị Chủ tịch ${orgName(of, 'vi')} năm ${year}.`;
  return `${state.name} held the chair of ${of.name} in ${year}.`;
}

export function themeIntro(t: Theme, lang: Lang): string {
  if (lang === 'fr') return `${t.fr} figurait en bonne place à l’ordre du jour.`;
  if (lang === 'vi') return `Chủ đề “${t.name}” được đặc biệt chú trọng.`;
  return `${t.name} was high on the agenda.`;
}

export function placeIntro(p: Place, lang: Lang): string {
  if (lang === 'fr') return `${p.fr} a accueilli de nombreuses délégations.`;
  if (lang === 'vi') return `${placeName(p, 'vi')} đã đón tiếp nhiều phái đoàn.`;
  return `${p.name} welcomed many delegations.`;
}

export function meetingIntro(m: Meeting, place: Place, lang: Lang): string {
  const when = m.start ? ` ${dateText(m.start, lang)}` : '';
  if (m.series) {
    if (lang === 'fr') return `La série ${meetingName(m, lang)} a été lancée à ${place.fr}${when}.`;
    if (lang === 'vi')
      return `Chuỗi hội nghị ${m.name} được khởi động tại ${placeName(place, 'vi')}${when}.`;
    return `The ${m.name} was launched in ${place.name}${when}.`;
  }
  if (lang === 'fr')
    return `La rencontre ${meetingName(m, lang)} s’est tenue à ${place.fr}${when}.`;
  if (lang === 'vi') return `${m.name} diễn ra tại ${placeName(place, 'vi')}${when}.`;
  return `The ${m.name} took place in ${place.name}${when}.`;
}

export function chairSentence(who: string, m: Meeting, lang: Lang): string {
  if (lang === 'fr') return `${who} a présidé la rencontre ${meetingName(m, lang)}.`;
  if (lang === 'vi') return `${who} chủ trì ${m.name}.`;
  return `${who} chaired the ${m.name}.`;
}

export function recallSentence(who: string, m: Meeting, lang: Lang): string {
  if (lang === 'fr')
    return `Pour rappel, ${who} avait présidé la rencontre ${meetingName(m, lang)}.`;
  if (lang === 'vi') return `Như đã đưa tin, ${who} đã chủ trì ${m.name}.`;
  return `As reported earlier, ${who} chaired the ${m.name}.`;
}

const ROLE_TEXT: Record<string, Record<Lang, string>> = {
  participant: { en: 'attended', fr: 'a participé à', vi: 'tham dự' },
  speaker: { en: 'spoke at', fr: 'a pris la parole lors de', vi: 'phát biểu tại' },
  observer: { en: 'observed', fr: 'a suivi en observateur', vi: 'dự với tư cách quan sát viên' },
  opening_speaker: { en: 'opened', fr: 'a ouvert', vi: 'phát biểu khai mạc' },
  rapporteur: { en: 'was rapporteur of', fr: 'était rapporteur de', vi: 'làm báo cáo viên tại' },
};

export function participantSentence(
  p: Person,
  role: string,
  m: Meeting,
  org: Organization,
  lang: Lang,
): string {
  const verb = ROLE_TEXT[role]![lang];
  if (lang === 'fr')
    return `${p.name} ${verb} la rencontre ${meetingName(m, lang)} au nom de ${org.fr}.`;
  if (lang === 'vi') return `${p.name} ${verb} ${m.name} thay mặt ${orgName(org, 'vi')}.`;
  return `${p.name} ${verb} the ${m.name} on behalf of ${org.name}.`;
}

export function representedSentence(o: Organization, m: Meeting, lang: Lang): string {
  if (lang === 'fr') return `${o.fr} était représenté à la rencontre ${meetingName(m, lang)}.`;
  if (lang === 'vi') return `${orgName(o, 'vi')} có đại diện tại ${m.name}.`;
  return `${o.name} was represented at the ${m.name}.`;
}

export function organizedSentence(o: Organization, m: Meeting, lang: Lang): string {
  if (lang === 'fr') return `La rencontre ${meetingName(m, lang)} était organisée par ${o.fr}.`;
  if (lang === 'vi') return `${m.name} do ${orgName(o, 'vi')} tổ chức.`;
  return `The ${m.name} was organized by ${o.name}.`;
}

export function hostedSentence(o: Organization, m: Meeting, lang: Lang): string {
  if (lang === 'fr') return `${o.fr} accueillait la rencontre ${meetingName(m, lang)}.`;
  if (lang === 'vi') return `${orgName(o, 'vi')} đăng cai ${m.name}.`;
  return `${o.name} hosted the ${m.name}.`;
}

export function coveredSentence(t: Theme, m: Meeting, lang: Lang): string {
  if (lang === 'fr')
    return `Les délégués de la rencontre ${meetingName(m, lang)} ont débattu de ${t.fr.toLowerCase()}.`;
  if (lang === 'vi') return `Các đại biểu tại ${m.name} đã thảo luận về chủ đề “${t.name}”.`;
  return `Delegates at the ${m.name} discussed ${t.name.toLowerCase()}.`;
}

export function seriesSentence(m: Meeting, series: Meeting, lang: Lang): string {
  if (lang === 'fr')
    return `La rencontre ${meetingName(m, lang)} s’inscrivait dans la série ${meetingName(series, lang)}.`;
  if (lang === 'vi') return `${m.name} nằm trong chuỗi ${series.name}.`;
  return `The ${m.name} was part of the ${series.name}.`;
}

/** The participant's stated capacity: their post and where they hold it. */
export function capacity(p: Person, org: Organization): string {
  return `${p.title.en} of ${org.name}`;
}
