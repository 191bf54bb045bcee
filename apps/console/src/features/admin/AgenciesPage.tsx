import { useMemo, useState } from 'react';
import type { AgencyAdminView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useLoad } from '../../common/use-load';
import { useRegions } from '../map/use-regions';
import { AgencyForm } from './AgencyForm';
import './admin.css';
import { localName } from '../../common/local-name';

/** Partner agencies (admin): hospitals, police, fire and community centres, with what each serves and where. */
export function AgenciesPage() {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { regions, regionName } = useRegions();
  const data = useLoad(() => api.adminAgencies(), 'agencies');
  const [editing, setEditing] = useState<AgencyAdminView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const regionOptions = useMemo(
    () =>
      (regions?.features ?? []).map((f) => ({
        id: String(f.id),
        name: lang === 'ko' ? (f.properties.nameKo ?? f.properties.name) : f.properties.name,
      })),
    [regions, lang],
  );

  return (
    <div className="admin-page" data-testid="agencies-page">
      <h2 className="admin-title">{t.centre.agencies}</h2>
      {notice ? (
        <p className="notice" role="status" data-testid="agencies-notice">
          {notice}
        </p>
      ) : null}
      {secret ? (
        <p className="notice" role="status">
          {t.centre.webhookSecretOnce} <code>{secret}</code>
        </p>
      ) : null}
      {data.error ? <FailureNote failure={t.app.error} /> : null}
      <section className="panel" aria-labelledby="agencies-title">
        <div className="roster-toolbar">
          <h2 id="agencies-title" className="panel-title">
            {t.centre.agencies}
          </h2>
          <button type="button" className="btn btn-primary" onClick={() => setEditing('new')}>
            {t.centre.newAgency}
          </button>
        </div>
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t.centre.agencyName}</th>
              <th scope="col">{t.centre.agencyKind}</th>
              <th scope="col">{t.centre.regionsServed}</th>
              <th scope="col">{t.centre.contact}</th>
              <th scope="col">{t.centre.webhookUrl}</th>
              <th scope="col">{t.centre.actions}</th>
            </tr>
          </thead>
          <tbody>
            {(data.data ?? []).map((a) => (
              <tr key={a.id} data-testid={`agency-row-${a.code}`}>
                <th scope="row">{localName(a.name, lang)}</th>
                <td>{t.agencyKind[a.kind]}</td>
                <td>{a.regionIds.map(regionName).join(', ')}</td>
                <td>{a.contact ?? '—'}</td>
                <td className="wrap-anywhere">{a.webhookUrl ?? '—'}</td>
                <td>
                  <button type="button" className="btn btn-small" onClick={() => setEditing(a)}>
                    {t.centre.edit} <span className="visually-hidden">{localName(a.name, lang)}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {editing ? (
        <AgencyForm
          key={editing === 'new' ? 'new' : editing.id}
          agency={editing === 'new' ? null : editing}
          regions={regionOptions}
          onCancel={() => setEditing(null)}
          onSaved={(a) => {
            setEditing(null);
            setNotice(t.centre.agencySaved(a.name));
            setSecret(a.webhookSecret ?? null);
            data.reload();
          }}
        />
      ) : null}
    </div>
  );
}
