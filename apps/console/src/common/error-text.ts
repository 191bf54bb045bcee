import type { ErrorBody } from '#contracts';
import { ApiError } from '../api/http';
import type { Language } from '../i18n/i18n';
import type { Messages } from '../i18n/en';

// A refusal in the reader's language (issue 13 item 6): the API's `reason` (what exactly was refused) or else its
// `code`, through the message catalogue. English screens keep the server's own sentence when no reason is given,
// since it names the record; Korean screens never show an English server sentence.

/** The refusal body of an error, or null (network down, a bug). */
export function refusalOf(error: unknown): ErrorBody | null {
  return error instanceof ApiError ? error.body : null;
}

export function errorText(error: unknown, t: Messages, lang: Language): string {
  const body = refusalOf(error);
  if (!body) return t.app.error;
  if (body.reason) return t.refusal.reason[body.reason](body.params ?? {});
  if (body.code === 'VALIDATION_FAILED' && body.details?.length)
    return t.refusal.invalid([...new Set(body.details.map((d) => d.field))].join(', '));
  if (lang === 'en' && body.message) return body.message;
  return t.refusal.code[body.code] ?? t.app.error;
}
