import type { FormEvent } from 'react';
import { ROLES, type AgencyView, type TeamView, type UserAdminView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { choicesOf, SelectField, TextField, useFieldValues, type BoundField } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { localName } from '../../common/local-name';
import { AdminForm } from './AdminList';

/**
 * Creates a user or edits one (display name, role, team, agency). A responder belongs to a team and an agency
 * user to an agency; the other roles to neither. The initial password is typed once and never shown again.
 */
export function UserForm({
  user,
  teams,
  agencies,
  onSaved,
  onCancel,
}: {
  user: UserAdminView | null;
  teams: TeamView[];
  agencies: AgencyView[];
  onSaved: (name: string) => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { values, set, bind } = useFieldValues({
    username: user?.username ?? '',
    displayName: user?.displayName ?? '',
    role: user?.role ?? 'counselor',
    teamId: user?.teamId ?? teams[0]?.id ?? '',
    agencyId: user?.agencyId ?? agencies[0]?.id ?? '',
    password: '',
  });
  const { role } = values;
  const { busy, failure, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const displayName = values.displayName.trim();
    const binding = {
      teamId: role === 'responder' ? values.teamId : undefined,
      agencyId: role === 'agency' ? values.agencyId : undefined,
    };
    void run(async () => {
      if (user) {
        // Only what changed: a role or binding change ends the user's sessions, a new display name does not.
        const patch = {
          ...(displayName !== user.displayName ? { displayName } : {}),
          ...(role !== user.role ? { role } : {}),
          ...((binding.teamId ?? null) !== (user.teamId ?? null) ? { teamId: binding.teamId ?? null } : {}),
          ...((binding.agencyId ?? null) !== (user.agencyId ?? null) ? { agencyId: binding.agencyId ?? null } : {}),
        };
        if (Object.keys(patch).length) await api.patchUser(user.id, patch);
      } else {
        await api.createUser({
          username: values.username.trim(),
          displayName,
          role,
          password: values.password,
          ...(binding.teamId ? { teamId: binding.teamId } : {}),
          ...(binding.agencyId ? { agencyId: binding.agencyId } : {}),
        });
      }
      set('password', '');
      onSaved(displayName);
    });
  };

  // A responder is bound to a team, an agency user to an agency.
  const binding =
    role === 'responder'
      ? { label: t.people.team, ...bind('teamId'), options: teams.map((tm) => ({ value: tm.id, label: tm.callsign })) }
      : role === 'agency'
        ? {
            label: t.people.agency,
            ...bind('agencyId'),
            options: agencies.map((a) => ({ value: a.id, label: localName(a.name, lang) })),
          }
        : null;
  return (
    <AdminForm
      id="user-form"
      title={user ? t.people.editUser(user.username) : t.people.newUser}
      onSubmit={submit}
      busy={busy}
      failure={failure}
      submitLabel={user ? t.app.save : t.people.createUser}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <TextField
          label={t.people.username}
          {...bind('username')}
          disabled={user !== null}
          required
          minLength={3}
          maxLength={64}
          pattern="[A-Za-z0-9._\-]+"
          autoComplete="off"
        />
        <TextField label={t.people.displayName} {...bind('displayName')} required maxLength={120} />
        <SelectField label={t.people.role} {...bind('role')} options={choicesOf(ROLES, t.roles)} />
        {binding ? <SelectField {...binding} required /> : null}
        {user ? null : <NewPasswordField label={t.people.initialPassword} {...bind('password')} />}
      </div>
      {user ? <p className="hint">{t.people.changeEndsSessions}</p> : null}
    </AdminForm>
  );
}

/** A new password: typed once, never filled in by the browser from a saved one. */
function NewPasswordField(props: BoundField<string> & { label: string }) {
  return <TextField {...props} type="password" required minLength={10} maxLength={256} autoComplete="new-password" />;
}

/** Sets a new password for a user; their existing sessions end. The field is cleared after a success. */
export function PasswordResetForm({
  user,
  onDone,
  onCancel,
}: {
  user: UserAdminView;
  onDone: () => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { values, set, bind } = useFieldValues({ newPassword: '' });
  const { busy, failure, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.resetPassword(user.id, values.newPassword);
      set('newPassword', '');
      onDone();
    });
  };
  return (
    <AdminForm
      id="password-form"
      title={t.people.resetPasswordOf(user.username)}
      onSubmit={submit}
      busy={busy}
      failure={failure}
      submitLabel={t.people.setPassword}
      onCancel={onCancel}
    >
      <NewPasswordField label={t.people.newPassword} {...bind('newPassword')} />
      <p className="hint">{t.people.resetEndsSessions}</p>
    </AdminForm>
  );
}
