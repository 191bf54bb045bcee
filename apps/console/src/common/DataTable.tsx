import type { ReactNode } from 'react';
import { useI18n } from '../i18n/i18n';
import { TableHead } from './TableHead';

/** A figures table named by a caption that only screen readers see (the panel's heading names it on screen). */
export function DataTable({
  caption,
  columns,
  testId,
  children,
}: {
  caption: string;
  columns: readonly string[];
  testId?: string;
  children: ReactNode;
}) {
  return (
    <table className="kpi-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <TableHead columns={columns} />
      <tbody>{children}</tbody>
    </table>
  );
}

/** "Export table" for the table named `what`; its accessible name says which table (several share a screen). */
export function ExportButton({ what, onClick, print = false }: { what: string; onClick: () => void; print?: boolean }) {
  const { t } = useI18n();
  return (
    <button
      type="button"
      className={print ? 'btn btn-small' : 'btn btn-small no-print'}
      onClick={onClick}
      aria-label={`${t.dashboard.exportTable}: ${what}`}
    >
      {t.dashboard.exportTable}
    </button>
  );
}
