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
  /** Announced when `valid` refuses the draft. */
  invalid: string;
}

type FilterFormProps<F> = Parameters<typeof FilterForm<F>>[0];

/**
 * A filter bar over a period (the dashboard's, the access log's): FilterForm with the period's two date inputs,
 * which `fields` places among the screen's own fields, and its texts from one `words`.
 */
export function PeriodFilterForm<F extends Period>({
  words,
  fields,
  ...form
}: Omit<FilterFormProps<F>, 'label' | 'submitLabel' | 'invalidText' | 'children'> & {
  words: PeriodFilterWords;
  fields: (draft: F, edit: (patch: Partial<F>) => void, period: ReactNode) => ReactNode;
}) {
  return (
    <FilterForm {...form} label={words.filters} submitLabel={words.submit} invalidText={words.invalid}>
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
