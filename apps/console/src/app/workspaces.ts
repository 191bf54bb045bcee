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
const RosterPage = lazy(() => import('../features/rosters/RosterPage').then((m) => ({ default: m.RosterPage })));
const TeamsPage = lazy(() => import('../features/admin/TeamsPage').then((m) => ({ default: m.TeamsPage })));
const AgenciesPage = lazy(() => import('../features/admin/AgenciesPage').then((m) => ({ default: m.AgenciesPage })));
const PeoplePage = lazy(() => import('../features/admin/PeoplePage').then((m) => ({ default: m.PeoplePage })));
const RegionsPage = lazy(() => import('../features/admin/RegionsPage').then((m) => ({ default: m.RegionsPage })));

const liveMap: WorkspaceTab = { id: 'map', label: (t) => t.workspace.map, Component: CoordinatorPage };
const calls: WorkspaceTab = { id: 'calls', label: (t) => t.workspace.calls, Component: CounselorPage };
const team: WorkspaceTab = { id: 'team', label: (t) => t.workspace.team, Component: TeamPage };
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
      return [liveMap];
    case 'supervisor':
      return [liveMap, rosters, teams];
    case 'admin':
      return [liveMap, rosters, people, teamsAndSkills, agencies, regionsTab];
    case 'counselor':
      return [calls];
    case 'responder':
      return [team];
    case 'agency':
      return [];
  }
}
