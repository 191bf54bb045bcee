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

const CoordinatorPage = lazy(() =>
  import('../features/coordinator/CoordinatorPage').then((m) => ({ default: m.CoordinatorPage })),
);
const CounselorPage = lazy(() =>
  import('../features/counselor/CounselorPage').then((m) => ({ default: m.CounselorPage })),
);
const TeamPage = lazy(() => import('../features/team/TeamPage').then((m) => ({ default: m.TeamPage })));
const DashboardPage = lazy(() =>
  import('../features/supervisor/DashboardPage').then((m) => ({ default: m.DashboardPage })),
);
const AccessLogPage = lazy(() => import('../features/audit/AccessLogPage').then((m) => ({ default: m.AccessLogPage })));
const PartnerPortal = lazy(() =>
  import('../features/partner/PartnerPortal').then((m) => ({ default: m.PartnerPortal })),
);
const RosterPage = lazy(() => import('../features/rosters/RosterPage').then((m) => ({ default: m.RosterPage })));
const TeamsPage = lazy(() => import('../features/admin/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const AgenciesPage = lazy(() => import('../features/admin/AgenciesPage').then((m) => ({ default: m.AgenciesPage })));
const PeoplePage = lazy(() => import('../features/admin/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const RegionsPage = lazy(() => import('../features/admin/RegionsPage').then((m) => ({ default: m.RegionsPage })));
const ClientsPage = lazy(() => import('../features/clients/ClientsPage').then((m) => ({ default: m.ClientsPage })));
const FollowUpsPage = lazy(() =>
  import('../features/followups/FollowUpsPage').then((m) => ({ default: m.FollowUpsPage })),
);

const liveMap: WorkspaceTab = { id: 'map', label: (t) => t.workspace.map, Component: CoordinatorPage };
const calls: WorkspaceTab = { id: 'calls', label: (t) => t.workspace.calls, Component: CounselorPage };
const team: WorkspaceTab = { id: 'team', label: (t) => t.workspace.team, Component: TeamPage };
const dashboard: WorkspaceTab = { id: 'dashboard', label: (t) => t.workspace.dashboard, Component: DashboardPage };
const accessLog: WorkspaceTab = { id: 'access-log', label: (t) => t.workspace.accessLog, Component: AccessLogPage };
const portal: WorkspaceTab = { id: 'portal', label: (t) => t.workspace.portal, Component: PartnerPortal };
const clients: WorkspaceTab = { id: 'clients', label: (t) => t.workspace.clients, Component: ClientsPage };
const followUps: WorkspaceTab = { id: 'follow-ups', label: (t) => t.workspace.followUps, Component: FollowUpsPage };

const DeliveriesPage = lazy(() =>
  import('../features/webhooks/DeliveriesPage').then((m) => ({ default: m.DeliveriesPage })),
);
const HolidaysEditor = lazy(() =>
  import('../features/admissions/HolidaysEditor').then((m) => ({ default: m.HolidaysEditor })),
);
const partnerDeliveries: WorkspaceTab = {
  id: 'deliveries',
  label: (t) => t.workspace.partnerDeliveries,
  Component: DeliveriesPage,
};
const holidays: WorkspaceTab = { id: 'holidays', label: (t) => t.workspace.holidays, Component: HolidaysEditor };
const rosters: WorkspaceTab = { id: 'rosters', label: (t) => t.workspace.rosters, Component: RosterPage };
const teams: WorkspaceTab = { id: 'teams', label: (t) => t.workspace.teams, Component: TeamsPage };
// The same screen; the admin's also edits the skill vocabulary.
const teamsAndSkills: WorkspaceTab = { id: 'teams', label: (t) => t.workspace.teamsAndSkills, Component: TeamsPage };
const agencies: WorkspaceTab = { id: 'agencies', label: (t) => t.workspace.agencies, Component: AgenciesPage };
const people: WorkspaceTab = { id: 'people', label: (t) => t.workspace.people, Component: PeoplePage };
const regionsTab: WorkspaceTab = { id: 'regions', label: (t) => t.workspace.regions, Component: RegionsPage };

/** The tabs of a signed-in user, the first being the home screen. Empty: the role has no console screen. */
export function workspaceTabs(user: UserView): WorkspaceTab[] {
  switch (user.role) {
    case 'coordinator':
      return [liveMap, partnerDeliveries];
    case 'supervisor':
      return [dashboard, liveMap, clients, rosters, teams, accessLog];
    case 'admin':
      return [liveMap, rosters, people, teamsAndSkills, agencies, regionsTab, partnerDeliveries, holidays, accessLog];
    case 'counselor':
      return [calls, clients, followUps];
    case 'responder':
      return [team];
    case 'agency':
      return [portal];
  }
}
