import type { EntityLabel } from '../model/graph-model.js';
import type { Mention } from './gazetteer.js';
import type { Sentence } from './sentences.js';

/** Cue patterns (see RelationCue) and the masked sentences they are matched against. */

const SLOT_LETTER: Record<EntityLabel, string> = {
  Person: 'P',
  Organization: 'O',
  Meeting: 'M',
  Theme: 'T',
  Place: 'L',
  Document: 'D',
};

/**
 * Compiles a cue pattern (see RelationCue) into a regular expression over a masked sentence; with
 * `asText`, slots match the names themselves, to check a cue against its example sentence.
 */
export function compileCue(pattern: string, asText = false): RegExp {
  const source = (asText ? pattern.replace(/ (?=\{)/gu, ' ?') : pattern).replace(
    /(?<!\\p)\{(?:(from|to):)?([APOMTL])\}|…|~/gu,
    (token: string, role: string | undefined, kind: string | undefined) => {
      if (token === '…') return '[^.;]{0,80}?';
      if (token === '~') return '(?:[^\\s.;]+\\s+){0,6}?';
      if (asText) return '\\S.{0,100}?';
      const letters = kind === 'A' ? '[PO]' : kind!;
      return role ? `⟦${letters}(?<${role}>\\d+)⟧` : `⟦${letters}\\d+⟧`;
    },
  );
  return new RegExp(source, 'giu');
}

export interface Masked {
  text: string;
  /** Original start and end offsets of each masked character. */
  starts: number[];
  ends: number[];
}

/** The sentence with each mention replaced by ⟦<letter><index>⟧ and ’ read as '. */
export function maskSentence(text: string, sentence: Sentence, mentions: Mention[]): Masked {
  let masked = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let at = sentence.start;
  const inside = mentions
    .map((m, index) => ({ m, index }))
    .filter(({ m }) => m.start >= sentence.start && m.end <= sentence.end);
  for (const { m, index } of inside) {
    for (; at < m.start; at++) {
      masked += text[at] === '’' ? "'" : text[at];
      starts.push(at);
      ends.push(at + 1);
    }
    // "l'⟦O4⟧" reads "l' ⟦O4⟧", so a cue writes "(?:du|de la|de l') {to:O}" for all of them.
    const slot = `${/['’]$/u.test(masked) ? ' ' : ''}⟦${SLOT_LETTER[m.label]}${index}⟧`;
    for (let i = 0; i < slot.length; i++) {
      masked += slot[i];
      starts.push(m.start);
      ends.push(m.end);
    }
    at = m.end;
  }
  for (; at < sentence.end; at++) {
    masked += text[at] === '’' ? "'" : text[at];
    starts.push(at);
    ends.push(at + 1);
  }
  return { text: masked, starts, ends };
}
