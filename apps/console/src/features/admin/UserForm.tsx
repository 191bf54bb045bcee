import { useState, type FormEvent } from 'react';
import { ROLES, type AgencyView, type Role, type TeamView, type UserAdminView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { localName } from '../../common/local-name';

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
  const [username, setUsername] = useState(user?.username ?? '');
  const [displayName, setDisplayName] = useState(user?.displayName ?? '');
  const [role, setRole] = useState<Role>(user?.role ?? 'counselor');
  const [teamId, setTeamId] = useState(user?.teamId ?? teams[0]?.id ?? '');
  const [agencyId, setAgencyId] = useState(user?.agencyId ?? agencies[0]?.id ?? '');
  const [password, setPassword] = useState('');
  const { busy, failure, run } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const binding = {
      teamId: role === 'responder' ? teamId : undefined,
      agencyId: role === 'agency' ? agencyId : undefined,
    };
    void run(async () => {
      if (user) {
        // Only what changed: a role or binding change ends the user's sessions, a new display name does not.
        const patch = {
          ...(displayName.trim() !== user.displayName ? { displayName: displayName.trim() } : {}),
          ...(role !== user.role ? { role } : {}),
          ...((binding.teamId ?? null) !== (user.teamId ?? null) ? { teamId: binding.teamId ?? null } : {}),
          ...((binding.agencyId ?? null) !== (user.agencyId ?? null) ? { agencyId: binding.agencyId ?? null } : {}),
        };
        if (Object.keys(patch).length) await api.patchUser(user.id, patch);
      } else {
        await api.createUser({
          username: username.trim(),
          displayName: displayName.trim(),
          role,
          password,
          ...(binding.teamId ? { teamId: binding.teamId } : {}),
          ...(binding.agencyId ? { agencyId: binding.agencyId } : {}),
        });
      }
      setPassword('');
      onSaved(displayName.trim());
    });
  };

  return (
    <form className="panel admin-form" onSubmit={submit} aria-labelledby="user-form-title" data-testid="user-form">
      <h2 id="user-form-title" className="panel-title">
        {user ? t.people.editUser(user.username) : t.people.newUser}
      </h2>
      <div className="form-grid">
        <label className="field">
          <span>{t.people.username}</span>
          <input
            name="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={user !== null}
            required
            minLength={3}
            maxLength={64}
            pattern="[A-Za-z0-9._\-]+"
            autoComplete="off"
          />
        </label>
        <label className="field">
          <span>{t.people.displayName}</span>
          <input
            name="displayName"
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            required
            maxLength={120}
          />
        </label>
        <label className="field">
          <span>{t.people.role}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t.roles[r]}
              </option>
            ))}
          </select>
        </label>
        {role === 'responder' ? (
          <label className="field">
            <span>{t.people.team}</span>
            <select name="teamId" value={teamId} onChange={(e) => setTeamId(e.target.value)} required>
              {teams.map((tm) => (
                <option key={tm.id} value={tm.id}>
                  {tm.callsign}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {role === 'agency' ? (
          <label className="field">
            <span>{t.people.agency}</span>
            <select name="agencyId" value={agencyId} onChange={(e) => setAgencyId(e.target.value)} required>
              {agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {localName(a.name, lang)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {user ? null : (
          <label className="field">
            <span>{t.people.initialPassword}</span>
            <input
              name="password"
              type="password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              minLength={10}
              maxLength={256}
              autoComplete="new-password"
            />
          </label>
        )}
      </div>
      {user ? <p className="hint">{t.people.changeEndsSessions}</p> : null}
      <FailureNote failure={failure} testId="user-form-failure" />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {user ? t.app.save : t.people.createUser}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
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
  const [password, setPassword] = useState('');
  const { busy, failure, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.resetPassword(user.id, password);
      setPassword('');
      onDone();
    });
  };
  return (
    <form
      className="panel admin-form"
      onSubmit={submit}
      aria-labelledby="password-form-title"
      data-testid="password-form"
    >
      <h2 id="password-form-title" className="panel-title">
        {t.people.resetPasswordOf(user.username)}
      </h2>
      <label className="field">
        <span>{t.people.newPassword}</span>
        <input
          name="newPassword"
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
          minLength={10}
          maxLength={256}
          autoComplete="new-password"
        />
      </label>
      <p className="hint">{t.people.resetEndsSessions}</p>
      <FailureNote failure={failure} testId="password-form-failure" />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t.people.setPassword}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
