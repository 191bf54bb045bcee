import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n';
import type { WorkspaceTab } from './workspaces';

function tabFromHash(tabs: WorkspaceTab[]): string {
  const id = window.location.hash.replace(/^#\/?/, '');
  return tabs.some((tab) => tab.id === id) ? id : (tabs[0]?.id ?? '');
}

/** The open tab, kept in the URL hash so a reload or a shared link opens the same screen. */
export function useWorkspaceTab(tabs: WorkspaceTab[]): [string, (id: string) => void] {
  const [active, setActive] = useState(() => tabFromHash(tabs));
  useEffect(() => {
    const onHash = () => setActive(tabFromHash(tabs));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [tabs]);
  const open = (id: string) => {
    window.location.hash = `/${id}`;
    setActive(id);
  };
  return [active, open];
}

/** Links in the top bar, one per screen of the role (only when there is more than one). */
export function WorkspaceNav({
  tabs,
  active,
  open,
}: {
  tabs: WorkspaceTab[];
  active: string;
  open: (id: string) => void;
}) {
  const { t } = useI18n();
  if (tabs.length < 2) return null;
  return (
    <nav className="workspace-nav" aria-label={t.workspace.tabsLabel}>
      {tabs.map((tab) => (
        <a
          key={tab.id}
          href={`#/${tab.id}`}
          className={tab.id === active ? 'workspace-link active' : 'workspace-link'}
          aria-current={tab.id === active ? 'page' : undefined}
          data-testid={`workspace-${tab.id}`}
          onClick={(e) => {
            e.preventDefault();
            open(tab.id);
          }}
        >
          {tab.label(t)}
        </a>
      ))}
    </nav>
  );
}
