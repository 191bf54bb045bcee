import type { ReactNode } from 'react';

/** A table's header row: one column header (`scope="col"`) per label, so screen readers name each cell's column. */
export function TableHead({ columns }: { columns: readonly ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c, i) => (
          <th key={i} scope="col">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
