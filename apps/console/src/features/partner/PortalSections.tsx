import { Suspense } from 'react';
import type { AgencyKind } from '#contracts';
import { ErrorBoundary } from '../../common/ErrorBoundary';
import { useI18n } from '../../i18n/i18n';
import { portalSections } from './portal-sections';

/** The extra sections registered for this agency kind (portal-sections.ts), each under its own heading. */
export function PortalSections({ agencyId, agencyKind }: { agencyId: string; agencyKind: AgencyKind }) {
  const { t } = useI18n();
  return (
    <>
      {portalSections(agencyKind).map(({ id, label, Component }) => (
        <section
          key={id}
          className="panel portal-section"
          aria-labelledby={`portal-section-${id}-title`}
          data-testid={`portal-section-${id}`}
        >
          <h2 id={`portal-section-${id}-title`}>{label(t)}</h2>
          <ErrorBoundary>
            <Suspense fallback={<p className="empty-note">{t.app.loading}</p>}>
              <Component agencyId={agencyId} agencyKind={agencyKind} />
            </Suspense>
          </ErrorBoundary>
        </section>
      ))}
    </>
  );
}
