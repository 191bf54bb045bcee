import { useState } from 'react';
import type { AgencyAdminView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';
import { useRegions } from '../map/use-regions';
import { localName } from '../../common/local-name';
import { AdminPage, AdminTable, RowButton, useRegionOptions } from './AdminList';
import { AgencyForm } from './AgencyForm';
import './admin.css';

/** Partner agencies (admin): hospitals, police, fire and community centres, with what each serves and where. */
export function AgenciesPage() {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { regionName } = useRegions();
  const regionOptions = useRegionOptions();
  const data = useLoad(() => api.adminAgencies(), 'agencies');
  const [editing, setEditing] = useState<AgencyAdminView | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);

  return (
    <AdminPage id="agencies" title={t.centre.agencies} notice={notice}>
      {secret ? (
        <p className="notice" role="status">
          {t.centre.webhookSecretOnce} <code>{secret}</code>
        </p>
      ) : null}
      <AdminTable
        id="agencies"
        title={t.centre.agencies}
        loadFailed={Boolean(data.error)}
        newButton={{ label: t.centre.newAgency, onClick: () => setEditing('new') }}
        columns={(['agencyName', 'agencyKind', 'regionsServed', 'contact', 'webhookUrl', 'actions'] as const).map(
          (k) => t.centre[k],
        )}
      >
        {(data.data ?? []).map((a) => (
          <tr key={a.id} data-testid={`agency-row-${a.code}`}>
            <th scope="row">{localName(a.name, lang)}</th>
            <td>{t.agencyKind[a.kind]}</td>
            <td>{a.regionIds.map(regionName).join(', ')}</td>
            <td>{a.contact ?? '—'}</td>
            <td className="wrap-anywhere">{a.webhookUrl ?? '—'}</td>
            <td>
              <RowButton label={t.centre.edit} name={localName(a.name, lang)} onClick={() => setEditing(a)} />
            </td>
          </tr>
        ))}
      </AdminTable>
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
    </AdminPage>
  );
}
