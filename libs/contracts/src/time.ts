import { z } from 'zod';

// Instants and calendar days as the API accepts them. ISO 8601 allows year 0000, which PostgreSQL refuses (there is
// no year 0), so a well-formed "0000-02-29" would reach the database and fail there; a crisis centre's records all
// fall between 1900 and 2999, so anything outside is refused as bad input, naming the field.
const inCentreYears = (s: string): boolean => {
  // A string that is no date at all is already refused by the format check: one issue per field is enough.
  if (!/^\d{4}-/.test(s)) return true;
  const year = Number(s.slice(0, 4));
  return year >= 1900 && year <= 2999;
};
const YEARS = 'must be a date between 1900 and 2999';

/** An instant with its offset, e.g. `2026-11-30T09:00:00+09:00`. */
export const isoInstant = z.iso.datetime({ offset: true }).refine(inCentreYears, YEARS);

/** A calendar day, e.g. `2026-12-25`. */
export const isoDay = z.iso.date().refine(inCentreYears, YEARS);
