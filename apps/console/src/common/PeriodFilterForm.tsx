import type { ReactNode } from 'react';
import { FilterForm, PeriodFields } from './FilterForm';

interface Period {
  fromDate: string;
  toDate: string;
}

/** A period filter bar's words, from its screen's part of the dictionary. */
export interface PeriodFilterWords {
  /** The form's accessible name. */
  filters: string;
  from: string;
  to: string;
  submit: string;
  /** Announced when the period starts after it ends. */
  invalidPeriod: string;
  /** Announced when `valid` refuses the screen's own fields. */
  invalid: string;
}

type FilterFormProps<F> = Parameters<typeof FilterForm<F>>[0];

/**
 * A filter bar over a period (the dashboard's, the access log's): FilterForm with the period's two date inputs,
 * which `fields` places among the screen's own fields, and its texts from one `words`. The period's order is checked
 * here, with its own message; `valid` checks the screen's own fields.
 */
export function PeriodFilterForm<F extends Period>({
  words,
  fields,
  valid,
  ...form
}: Omit<FilterFormProps<F>, 'label' | 'submitLabel' | 'problem' | 'children'> & {
  words: PeriodFilterWords;
  valid: (draft: F) => boolean;
  fields: (draft: F, edit: (patch: Partial<F>) => void, period: ReactNode) => ReactNode;
}) {
  const problem = (draft: F): string | null => {
    if (draft.fromDate > draft.toDate) return words.invalidPeriod;
    return valid(draft) ? null : words.invalid;
  };
  return (
    <FilterForm {...form} problem={problem} label={words.filters} submitLabel={words.submit}>
      {(draft, edit) =>
        fields(
          draft,
          edit,
          <PeriodFields
            fromLabel={words.from}
            toLabel={words.to}
            fromDate={draft.fromDate}
            toDate={draft.toDate}
            // F extends Period, so a patch of the period is a patch of F (TypeScript cannot see it for a generic F).
            onChange={(patch) => edit(patch as Partial<F>)}
          />,
        )
      }
    </FilterForm>
  );
}
