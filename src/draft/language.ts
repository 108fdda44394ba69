import { franc } from 'franc-min';

/** The languages the drafter has cue tables for (ISO 639-1), and franc's codes for them. */
export const DRAFT_LANGUAGES = { fr: 'fra', en: 'eng', vi: 'vie' } as const;
export type DraftLanguage = keyof typeof DRAFT_LANGUAGES;

export function isDraftLanguage(value: string): value is DraftLanguage {
  return Object.hasOwn(DRAFT_LANGUAGES, value);
}

/** The article's language by franc (trigram statistics), among the languages we draft. */
export function detectLanguage(text: string): DraftLanguage | undefined {
  const code = franc(text.slice(0, 4000), { only: Object.values(DRAFT_LANGUAGES), minLength: 20 });
  const found = Object.entries(DRAFT_LANGUAGES).find(([, iso3]) => iso3 === code);
  return found ? (found[0] as DraftLanguage) : undefined;
}
