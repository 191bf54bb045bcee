import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { AgencyKind } from '#contracts';
import type { Messages } from '../../i18n/en';

/** What every extra portal section receives: the signed-in user's agency. */
export interface PortalSectionProps {
  agencyId: string;
  agencyKind: AgencyKind;
}

/**
 * An extra section of the partner portal, shown under the requests (and the bed board) for one agency kind.
 * `id` names its test id (`portal-section-<id>`); `label` is its heading; the component is loaded lazily so an
 * agency kind never downloads the others' sections.
 */
export interface PortalSection {
  id: string;
  label: (t: Messages) => string;
  Component: LazyExoticComponent<ComponentType<PortalSectionProps>>;
}

/**
 * The registry of extra portal sections per agency kind. Other features add their sections here, e.g.
 *   hospital: [{ id: 'admissions', label: (t) => t.admission.title, Component: lazy(() => import('../admission/HospitalAdmissions').then((m) => ({ default: m.HospitalAdmissions }))) }]
 * without touching the portal's own components.
 */
export const PORTAL_SECTIONS: Record<AgencyKind, readonly PortalSection[]> = {
  hospital: [
    {
      id: 'admissions',
      label: (t) => t.admissions.portalTitle,
      Component: lazy(() =>
        import('../admissions/HospitalAdmissions').then((m) => ({ default: m.HospitalAdmissions })),
      ),
    },
  ],
  police: [],
  fire: [],
  // Continuity of care (issue 9): the centre's follow-up queue and its own clients' registry.
  community: [
    {
      id: 'follow-ups',
      label: (t) => t.followUps.title,
      Component: lazy(() => import('../followups/FollowUpsPage').then((m) => ({ default: m.FollowUpsSection }))),
    },
    {
      id: 'clients',
      label: (t) => t.clients.title,
      Component: lazy(() => import('../clients/ClientsPage').then((m) => ({ default: m.ClientsSection }))),
    },
  ],
};

export function portalSections(kind: AgencyKind): readonly PortalSection[] {
  return PORTAL_SECTIONS[kind];
}
