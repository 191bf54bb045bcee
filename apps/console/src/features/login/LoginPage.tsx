import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api/http';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { TextField } from '../../common/fields';
import { LanguageSwitch } from '../../common/LanguageSwitch';
import { useAction } from '../../common/use-action';
import { useShortcuts } from '../../common/use-shortcuts';

export function LoginPage() {
  const { login, lastLogout } = useAuth();
  const { t, toggle } = useI18n();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  // A successful login replaces this page: stay busy until it does.
  const { busy, failure, run } = useAction({
    keepBusyOnSuccess: true,
    describeError: (e) =>
      e instanceof ApiError && (e.status === 401 || e.status === 400) ? t.login.failed : t.login.unavailable,
  });
  useShortcuts({ 'alt+l': toggle });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => login(username.trim(), password));
  };

  const notice =
    lastLogout === 'idle' ? t.login.loggedOutIdle : lastLogout === 'expired' ? t.login.loggedOutExpired : null;
  return (
    <main className="login-page">
      <form className="login-card" onSubmit={submit} aria-labelledby="login-title" data-testid="login-form">
        <div className="login-head">
          <h1 id="login-title">{t.login.title}</h1>
          <LanguageSwitch />
        </div>
        <p className="login-subtitle">
          {t.app.title} · {t.login.subtitle}
        </p>
        {notice ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        <TextField
          label={t.login.username}
          name="username"
          autoComplete="username"
          required
          autoFocus
          value={username}
          onValue={setUsername}
        />
        <TextField
          label={t.login.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onValue={setPassword}
        />
        <FailureNote failure={failure} />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t.login.busy : t.login.submit}
        </button>
      </form>
    </main>
  );
}
