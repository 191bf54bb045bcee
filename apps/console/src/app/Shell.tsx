import { Suspense, useCallback, useMemo, useState } from 'react';
import { useAuth, useUser } from '../auth/auth';
import { useIdlePolicy } from '../auth/use-idle-policy';
import { LockScreen } from '../auth/LockScreen';
import { ShortcutHelp } from './ShortcutHelp';
import { useI18n } from '../i18n/i18n';
import { useRealtime } from '../realtime/realtime';
import { ConnectionBanner } from '../common/ConnectionBanner';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { useShortcuts } from '../common/use-shortcuts';
import { useConfig } from './config';
import { workspaceTabs } from './workspaces';
import { useWorkspaceTab, WorkspaceNav } from './WorkspaceTabs';
import { localName } from '../common/local-name';

export function Shell() {
  const user = useUser();
  const { logout } = useAuth();
  const { t, lang, toggle } = useI18n();
  const { idleLogoffMinutes } = useConfig();
  const { synced } = useRealtime();
  const [help, setHelp] = useState(false);
  const tabs = useMemo(() => workspaceTabs(user), [user]);
  const [activeTab, openTab] = useWorkspaceTab(tabs);
  const Screen = tabs.find((tab) => tab.id === activeTab)?.Component;
  // Per role (issue 13 item 2): counselors and admins log off, the control room locks, team phones stay on.
  const idle = useIdlePolicy(user.role, idleLogoffMinutes, () => logout('idle'));
  const idleSeconds = idle.warningSeconds;
  useShortcuts({ 'alt+l': toggle, '?': () => setHelp((h) => !h) });
  const closeHelp = useCallback(() => setHelp(false), []);

  const roleShortcuts =
    user.role === 'counselor'
      ? t.shortcutsHelp.counselor
      : user.role === 'responder'
        ? t.shortcutsHelp.team
        : t.shortcutsHelp.coordinator;
  return (
    <div className={`shell role-${user.role}`} data-synced={synced ? 'true' : 'false'}>
      <header className="topbar">
        <h1 className="brand">{t.app.title}</h1>
        <WorkspaceNav tabs={tabs} active={activeTab} open={openTab} />
        <span className="who" data-testid="signed-in-as">
          {t.app.signedInAs(
            localName(user.displayName, lang),
            user.agencyKind ? `${t.roles[user.role]} · ${t.agencyKind[user.agencyKind]}` : t.roles[user.role],
          )}
        </span>
        <button
          type="button"
          className="btn btn-quiet hide-on-phone"
          onClick={() => setHelp((h) => !h)}
          aria-expanded={help}
          aria-controls="shortcut-help"
        >
          {t.app.shortcuts}
        </button>
        <LanguageSwitch />
        <button type="button" className="btn" onClick={() => logout('user')} data-testid="logout">
          {t.app.logout}
        </button>
      </header>
      <ConnectionBanner />
      {idleSeconds !== null ? (
        <div className="idle-warning" role="status" data-testid="idle-warning">
          {idle.policy === 'lock' ? t.lock.warning(idleSeconds) : t.idle.warning(idleSeconds)}
        </div>
      ) : null}
      {idle.locked ? <LockScreen onUnlock={idle.unlock} /> : null}
      {help ? <ShortcutHelp roleShortcuts={roleShortcuts} onClose={closeHelp} /> : null}
      <main className="main">
        <ErrorBoundary>
          <Suspense fallback={<p className="empty-note">{t.app.loading}</p>}>
            {Screen ? <Screen key={activeTab} /> : <p className="empty-note">{t.app.noConsoleForRole}</p>}
          </Suspense>
        </ErrorBoundary>
      </main>
    </div>
  );
}
