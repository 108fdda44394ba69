import { foldKey } from './fold.js';

/** Small helpers for the names the drafter gives: slugs, capitals, ordinals, meeting kinds. */

export function slugify(text: string, max = 60): string {
  const slug = foldKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, max).replace(/-+$/, '') || 'entity';
}

/** "le débat" may refer back to "un débat de haut niveau". */
export function sameFamily(a: string, b: string): boolean {
  const family = (k: string) => (k === 'high_level_debate' ? 'debate' : k);
  return family(a) === family(b);
}

export function romanValue(roman: string): number {
  const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const v = values[roman[i]!]!;
    const next = values[roman[i + 1] ?? ''] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function capitalize(text: string): string {
  const trimmed = text.trim().replace(/\s+/gu, ' ');
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
