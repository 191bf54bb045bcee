import { lazy, Suspense, useState } from 'react';
import { useAuth, useUser } from '../auth/auth';
import { useIdleLogoff } from '../auth/use-idle-logoff';
import { useI18n } from '../i18n/i18n';
import { useRealtime } from '../realtime/realtime';
import { ConnectionBanner } from '../common/ConnectionBanner';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { useShortcuts } from '../common/use-shortcuts';
import { useConfig } from './config';

// Each role's home is its own chunk: a responder's phone never downloads the coordinator's map screens.
const CoordinatorPage = lazy(() => import('../features/coordinator/CoordinatorPage').then((m) => ({ default: m.CoordinatorPage })));
const CounselorPage = lazy(() => import('../features/counselor/CounselorPage').then((m) => ({ default: m.CounselorPage })));
const TeamPage = lazy(() => import('../features/team/TeamPage').then((m) => ({ default: m.TeamPage })));

function RoleHome() {
  const user = useUser();
  const { t } = useI18n();
  switch (user.role) {
    case 'coordinator':
    case 'supervisor':
    case 'admin':
      return <CoordinatorPage />;
    case 'counselor':
      return <CounselorPage />;
    case 'responder':
      return <TeamPage />;
    case 'agency':
      return <p className="empty-note">{t.app.noConsoleForRole}</p>;
  }
}

export function Shell() {
  const user = useUser();
  const { logout } = useAuth();
  const { t, toggle } = useI18n();
  const { idleLogoffMinutes } = useConfig();
  const { synced } = useRealtime();
  const [help, setHelp] = useState(false);
  const idleSeconds = useIdleLogoff(idleLogoffMinutes, () => logout('idle'));
  useShortcuts({ 'alt+l': toggle, '?': () => setHelp((h) => !h) });

  const roleShortcuts =
    user.role === 'counselor' ? t.shortcutsHelp.counselor : user.role === 'responder' ? t.shortcutsHelp.team : t.shortcutsHelp.coordinator;
  return (
    <div className={`shell role-${user.role}`} data-synced={synced ? 'true' : 'false'}>
      <header className="topbar">
        <h1 className="brand">{t.app.title}</h1>
        <span className="who">{t.app.signedInAs(user.displayName, t.roles[user.role])}</span>
        <button type="button" className="btn btn-quiet hide-on-phone" onClick={() => setHelp((h) => !h)} aria-expanded={help} aria-controls="shortcut-help">
          {t.app.shortcuts}
        </button>
        <button type="button" className="btn btn-quiet" onClick={toggle} aria-label={t.app.switchLanguageLabel} data-testid="language-switch">
          {t.app.switchLanguage}
        </button>
        <button type="button" className="btn" onClick={() => logout('user')} data-testid="logout">
          {t.app.logout}
        </button>
      </header>
      <ConnectionBanner />
      {idleSeconds !== null ? (
        <div className="idle-warning" role="status" data-testid="idle-warning">
          {t.idle.warning(idleSeconds)}
        </div>
      ) : null}
      {help ? (
        <div className="shortcut-help" id="shortcut-help" role="note">
          <p>{t.shortcutsHelp.global}</p>
          <p>{roleShortcuts}</p>
        </div>
      ) : null}
      <main className="main">
        <ErrorBoundary>
          <Suspense fallback={<p className="empty-note">{t.app.loading}</p>}>
            <RoleHome />
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
