/** Sentences with their offsets, by Intl.Segmenter (ICU's sentence rules for the language). */

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

/** Abbreviations after which ICU wrongly ends a sentence ("M. Dupont", "Mr. Smith"). */
const ABBREVIATIONS = /(?:^|\s)(?:M|MM|Mme|Mr|Mrs|Ms|Dr|St|No|Gen|Lt|Col|Prof|S\.E|H\.E)\.\s*$/u;

export function splitSentences(text: string, language: string): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  let pending: { start: number; end: number } | undefined;
  for (const { segment, index } of segmenter.segment(text)) {
    const span = pending
      ? { start: pending.start, end: index + segment.length }
      : { start: index, end: index + segment.length };
    if (ABBREVIATIONS.test(text.slice(span.start, span.end))) {
      pending = span;
      continue;
    }
    pending = undefined;
    pushTrimmed(text, span, sentences);
  }
  if (pending) pushTrimmed(text, pending, sentences);
  return sentences;
}

/** Splits a segment further on blank lines (headlines, captions) and trims each part. */
function pushTrimmed(text: string, span: { start: number; end: number }, into: Sentence[]): void {
  const segment = text.slice(span.start, span.end);
  const emit = (from: number, to: number) => {
    const part = segment.slice(from, to);
    const trimmed = part.trim();
    if (trimmed.length === 0) return;
    const start = span.start + from + (part.length - part.trimStart().length);
    into.push({ index: into.length, start, end: start + trimmed.length, text: trimmed });
  };
  let last = 0;
  for (const separator of segment.matchAll(/\n\s*\n/g)) {
    emit(last, separator.index);
    last = separator.index + separator[0].length;
  }
  emit(last, segment.length);
}
