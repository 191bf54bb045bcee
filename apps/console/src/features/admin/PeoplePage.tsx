import { useState } from 'react';
import type { UserAdminView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { formatDateTime } from '../../common/format';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { AdminPage, AdminTable, RowButton } from './AdminList';
import { PasswordResetForm, UserForm } from './UserForm';
import './admin.css';

type Editing =
  { kind: 'new' } | { kind: 'edit'; user: UserAdminView } | { kind: 'password'; user: UserAdminView } | null;

/**
 * People and access (admin): every account with its role and binding, created, edited, deactivated (its sessions
 * end at once) or given a new password. The API never returns password data, so none can be shown.
 */
export function PeoplePage() {
  const { api, user: me } = useAuth();
  const { t, lang } = useI18n();
  const data = useLoad(async () => {
    const [users, teams, agencies] = await Promise.all([api.users(), api.teams(), api.agencies()]);
    return { users, teams, agencies };
  }, 'people');
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useAction();
  const teams = data.data?.teams ?? [];
  const agencies = data.data?.agencies ?? [];
  const binding = (u: UserAdminView) =>
    (u.teamId
      ? teams.find((tm) => tm.id === u.teamId)?.callsign
      : u.agencyId
        ? agencies.find((a) => a.id === u.agencyId)?.name
        : null) ?? '—';

  const setActive = (u: UserAdminView, active: boolean) =>
    void action.run(async () => {
      await api.patchUser(u.id, { active });
      setNotice(active ? t.people.reactivated(u.username) : t.people.deactivated(u.username));
      data.reload();
    });

  const done = (text: string) => {
    setEditing(null);
    setNotice(text);
    data.reload();
  };

  return (
    <AdminPage id="people" title={t.people.title} notice={notice}>
      <FailureNote failure={action.failure} testId="people-failure" />
      <AdminTable
        id="people-list"
        title={t.people.accounts}
        loadFailed={Boolean(data.error)}
        newButton={{ label: t.people.newUser, testId: 'new-user', onClick: () => setEditing({ kind: 'new' }) }}
        columns={[
          ...(['username', 'displayName', 'role', 'teamOrAgency', 'status', 'lastLogin'] as const).map(
            (k) => t.people[k],
          ),
          t.centre.actions,
        ]}
      >
        {(data.data?.users ?? []).map((u) => (
          <tr key={u.id} data-testid={`user-row-${u.username}`} className={u.active ? undefined : 'inactive'}>
            <th scope="row">{u.username}</th>
            <td>{u.displayName}</td>
            <td>{t.roles[u.role]}</td>
            <td>{binding(u)}</td>
            <td>{u.active ? t.people.active : `⊘ ${t.people.inactive}`}</td>
            <td>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, lang) : '—'}</td>
            <td className="row-actions">
              <RowButton
                label={t.centre.edit}
                name={u.username}
                onClick={() => setEditing({ kind: 'edit', user: u })}
              />
              <RowButton
                label={t.people.resetPassword}
                name={u.username}
                onClick={() => setEditing({ kind: 'password', user: u })}
              />
              {u.id === me?.id ? null : (
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={action.busy}
                  onClick={() => setActive(u, !u.active)}
                >
                  {u.active ? t.people.deactivate : t.people.reactivate}{' '}
                  <span className="visually-hidden">{u.username}</span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>
      {editing?.kind === 'new' || editing?.kind === 'edit' ? (
        <UserForm
          key={editing.kind === 'edit' ? editing.user.id : 'new'}
          user={editing.kind === 'edit' ? editing.user : null}
          teams={teams}
          agencies={agencies}
          onCancel={() => setEditing(null)}
          onSaved={(name) => done(t.people.saved(name))}
        />
      ) : null}
      {editing?.kind === 'password' ? (
        <PasswordResetForm
          key={editing.user.id}
          user={editing.user}
          onCancel={() => setEditing(null)}
          onDone={() => done(t.people.passwordSet(editing.user.username))}
        />
      ) : null}
    </AdminPage>
  );
}
