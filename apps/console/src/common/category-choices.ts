import { CATEGORIES } from '#contracts';
import type { Messages } from '../i18n/en';
import type { Choice } from './fields';

/** The triage categories as select choices, letter first ("A · Emergency"), in the reader's language. */
export function categoryChoices(t: Messages): Choice[] {
  return CATEGORIES.map((c) => ({ value: c, label: `${c} · ${t.category[c]}` }));
}
