/**
 * A failure to start the embedded PostgreSQL, told as one sentence that names the cause and the fix. `main.ts`
 * prints only this sentence (no stack trace): whoever runs `npm start` needs to know what to do, not where it broke.
 */
export class EmbeddedDatabaseError extends Error {
  override readonly name = 'EmbeddedDatabaseError';

  constructor(cause: string, fix: string) {
    super(`The embedded PostgreSQL did not start: ${oneLine(cause)}; ${oneLine(fix)}.`);
  }
}

// PostgreSQL messages span lines and end with a full stop; the sentence needs neither.
function oneLine(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.;:]+$/, '');
}

/** The fix every failure can fall back on: run against a PostgreSQL server instead. */
export const OR_DATABASE_URL = 'or set DATABASE_URL to use a PostgreSQL server instead';
