/**
 * Dates with precision, as in Wikidata: "2021" (year), "2021-04" (month), "2021-04-19" (day).
 * A partial date stands for a period; min/max bound it so range filters can respect precision.
 */
export type DatePrecision = 'year' | 'month' | 'day';

export interface PartialDate {
  value: string;
  precision: DatePrecision;
  /** First day of the period, ISO yyyy-mm-dd. */
  min: string;
  /** Last day of the period, ISO yyyy-mm-dd. */
  max: string;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses an ISO 8601 date at its precision; returns undefined for anything else (e.g. 2021-13). */
export function parsePartialDate(value: string): PartialDate | undefined {
  const match = PATTERN.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (month === undefined) {
    return { value, precision: 'year', min: `${pad(year, 4)}-01-01`, max: `${pad(year, 4)}-12-31` };
  }
  if (month < 1 || month > 12) return undefined;
  const last = daysInMonth(year, month);
  if (day === undefined) {
    return {
      value,
      precision: 'month',
      min: `${pad(year, 4)}-${pad(month)}-01`,
      max: `${pad(year, 4)}-${pad(month)}-${pad(last)}`,
    };
  }
  if (day < 1 || day > last) return undefined;
  return { value, precision: 'day', min: value, max: value };
}
