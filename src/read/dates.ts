import { parsePartialDate, type PartialDate as StoredPartialDate } from '../model/partial-date.js';
import { stringProp, type Props } from './records.js';

export type DatePrecision = 'YEAR' | 'MONTH' | 'DAY';

/** A partial date as the API shows it (schema/common.graphql, type PartialDate). */
export interface PartialDateView {
  value: string;
  precision: DatePrecision;
  firstDay: string;
  lastDay: string;
}

function view(date: StoredPartialDate): PartialDateView {
  return {
    value: date.value,
    precision: date.precision.toUpperCase() as DatePrecision,
    firstDay: date.min,
    lastDay: date.max,
  };
}

/**
 * The partial date stored under `name` (the loader keeps the value as given, e.g. "2021-04",
 * beside its bounds); null when absent. The bounds are recomputed from the value, which is
 * what the loader derived them from.
 */
export function partialDateProp(props: Props, name: string): PartialDateView | null {
  const value = stringProp(props, name);
  if (value === null) return null;
  const date = parsePartialDate(value);
  return date ? view(date) : null;
}
