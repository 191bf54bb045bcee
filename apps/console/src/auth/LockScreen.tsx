import { useMemo, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/i18n';
import { useEntities } from '../realtime/realtime';
import { formatTime } from '../common/format';
import { TextField } from '../common/fields';
import { API_PREFIX } from '../api/http';
import './lock-screen.css';
import { useUser } from './auth';

/**
 * Checks the password with a login of its own, without the session's token: the shared client would take a 401
 * for an expired session and log the desk out on a mistyped password.
 */
async function passwordIsRight(username: string, password: string): Promise<boolean> {
  const response = await fetch(`${API_PREFIX}/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  return response.ok;
}

/**
 * The control room's idle lock (issue 13 item 2): the password is needed to act again, but the console behind it
 * stays connected, so new offers and alerts still sound, and the open alerts are listed here live.
 */
export function LockScreen({ onUnlock }: { onUnlock: () => void }) {
  const user = useUser();
  const { t, lang } = useI18n();
  const { map: alertMap, version } = useEntities('alerts');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);
  const open = useMemo(
    () =>
      [...alertMap.values()]
        .filter((a) => a.acknowledgedAt === null)
        .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt)),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
    [alertMap, version],
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      if (await passwordIsRight(user.username, password)) onUnlock();
      else {
        setFailed(true);
        setPassword('');
      }
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lock-screen" role="dialog" aria-modal="true" aria-labelledby="lock-title" data-testid="lock-screen">
      <div className="lock-card">
        <h2 id="lock-title">{t.lock.title}</h2>
        <p>{t.lock.explain(user.displayName)}</p>
        <h3 id="lock-alerts-title">{t.lock.openAlerts(open.length)}</h3>
        <ul
          className="plain-list lock-alerts"
          aria-labelledby="lock-alerts-title"
          aria-live="polite"
          data-testid="lock-alerts"
        >
          {open.slice(0, 8).map((a) => (
            <li key={a.id} data-testid="lock-alert" data-kind={a.kind}>
              <strong>{t.alertKind[a.kind]}</strong> · {formatTime(a.raisedAt, lang)} · {a.message}
            </li>
          ))}
        </ul>
        <form onSubmit={(e) => void submit(e)} className="lock-form">
          <TextField
            label={t.lock.password}
            type="password"
            name="unlock-password"
            autoComplete="current-password"
            value={password}
            onValue={setPassword}
            autoFocus
            required
          />
          {failed ? (
            <p className="error" role="alert">
              {t.lock.wrong}
            </p>
          ) : null}
          <button type="submit" className="btn btn-primary" disabled={busy || password.length === 0}>
            {t.lock.unlock}
          </button>
        </form>
      </div>
    </div>
  );
}
