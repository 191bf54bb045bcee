import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { UserView } from '#contracts';
import type { Messages } from '../i18n/en';

/**
 * The screens each role works in. A role with one screen shows it whole; a role with several gets tabs in the
 * top bar, and the open tab is kept in the URL hash (`#/dashboard`) so a reload or a link lands on the same screen.
 * Each screen is its own chunk: a responder's phone never downloads the coordinator's map or the admin screens.
 * Features add their screens here, one entry per tab.
 */
export interface WorkspaceTab {
  id: string;
  label: (t: Messages) => string;
  Component: LazyExoticComponent<ComponentType>;
}

const CoordinatorPage = lazy(() => import('../features/coordinator/CoordinatorPage').then((m) => ({ default: m.CoordinatorPage })));
const CounselorPage = lazy(() => import('../features/counselor/CounselorPage').then((m) => ({ default: m.CounselorPage })));
const TeamPage = lazy(() => import('../features/team/TeamPage').then((m) => ({ default: m.TeamPage })));
const PartnerPortal = lazy(() => import('../features/partner/PartnerPortal').then((m) => ({ default: m.PartnerPortal })));
const ClientsPage = lazy(() => import('../features/clients/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const FollowUpsPage = lazy(() => import('../features/followups/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })));

const liveMap: WorkspaceTab = { id: 'map', label: (t) => t.workspace.map, Component: CoordinatorPage };
const calls: WorkspaceTab = { id: 'calls', label: (t) => t.workspace.calls, Component: CounselorPage };
const team: WorkspaceTab = { id: 'team', label: (t) => t.workspace.team, Component: TeamPage };
const portal: WorkspaceTab = { id: 'portal', label: (t) => t.workspace.portal, Component: PartnerPortal };
const clients: WorkspaceTab = { id: 'clients', label: (t) => t.workspace.clients, Component: ClientsPage };
const followUps: WorkspaceTab = { id: 'follow-ups', label: (t) => t.workspace.followUps, Component: FollowUpsPage };

/** The tabs of a signed-in user, the first being the home screen. Empty: the role has no console screen. */
export function workspaceTabs(user: UserView): WorkspaceTab[] {
  switch (user.role) {
    case 'coordinator':
      return [liveMap];
    case 'supervisor':
      return [liveMap, clients];
    case 'admin':
      return [liveMap];
    case 'counselor':
      return [calls, clients, followUps];
    case 'responder':
      return [team];
    case 'agency':
      return [portal];
  }
}
