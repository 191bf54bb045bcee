import { useMemo, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { FormActions } from '../../common/fields';
import { TableHead } from '../../common/TableHead';
import { regionLabel, useRegions } from '../map/use-regions';
import type { RegionOption } from './TeamForm';

/** An admin page: its title, the last save's notice (announced), then what the page holds. */
export function AdminPage({
  id,
  title,
  notice,
  children,
}: {
  id: string;
  title: string;
  notice: string | null;
  children: ReactNode;
}) {
  return (
    <div className="admin-page" data-testid={`${id}-page`}>
      <h2 className="admin-title">{title}</h2>
      {notice ? (
        <p className="notice" role="status" data-testid={`${id}-notice`}>
          {notice}
        </p>
      ) : null}
      {children}
    </div>
  );
}

/** The list panel of an admin page: a toolbar with the "new" button above a table whose rows are `children`. */
export function AdminTable({
  id,
  title,
  loadFailed,
  newButton,
  columns,
  children,
}: {
  id: string;
  title: string;
  loadFailed: boolean;
  /** The toolbar's button that opens the form for a new entry. */
  newButton: { label: string; testId?: string; onClick: () => void };
  columns: readonly string[];
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <>
      {loadFailed ? <FailureNote failure={t.app.error} /> : null}
      <section className="panel" aria-labelledby={`${id}-title`}>
        <div className="roster-toolbar">
          <h2 id={`${id}-title`} className="panel-title">
            {title}
          </h2>
          <button type="button" className="btn btn-primary" onClick={newButton.onClick} data-testid={newButton.testId}>
            {newButton.label}
          </button>
        </div>
        <table className="admin-table">
          <TableHead columns={columns} />
          <tbody>{children}</tbody>
        </table>
      </section>
    </>
  );
}

/** A row's button whose accessible name carries the row's name ("Edit 119-A"), hidden from sight. */
export function RowButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <button type="button" className="btn btn-small" onClick={onClick}>
      {label} <span className="visually-hidden">{name}</span>
    </button>
  );
}

/** An admin form panel: its title, the fields (`children`), then the failure and the save and cancel buttons. */
export function AdminForm({
  id,
  title,
  onSubmit,
  busy,
  failure,
  submitLabel,
  onCancel,
  children,
}: {
  id: string;
  title: string;
  onSubmit: (e: FormEvent) => void;
  busy: boolean;
  failure: string | null;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form className="panel admin-form" onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid={id}>
      <h2 id={`${id}-title`} className="panel-title">
        {title}
      </h2>
      {children}
      <FormActions
        failure={failure}
        failureTestId={`${id}-failure`}
        busy={busy}
        submitLabel={submitLabel}
        onCancel={onCancel}
      />
    </form>
  );
}

/** The centre's regions as options for region pickers, named in the screen's language. */
export function useRegionOptions(): RegionOption[] {
  const { lang } = useI18n();
  const { regions } = useRegions();
  return useMemo(
    () =>
      (regions?.features ?? []).map((f) => ({
        id: String(f.id),
        name: regionLabel(f.properties, lang),
      })),
    [regions, lang],
  );
}
