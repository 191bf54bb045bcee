import { useState } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { AdmissionCard } from './AdmissionCard';
import { EmergencyAdmissionForm } from './EmergencyAdmissionForm';
import { useAdmissions } from './use-admissions';
import './admissions.css';

/**
 * The Art. 50 clocks of one incident, for the coordinator's drawer, and (coordinator, open incident without a
 * running admission) the form that records one. Renders nothing for other readers of an incident without one.
 */
export function AdmissionClocks({ incidentId, closed }: { incidentId: string; closed: boolean }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const admissions = useAdmissions({ incidentId });
  const [recording, setRecording] = useState(false);
  const list = admissions.data ?? [];
  const canRecord =
    user?.role === 'coordinator' && !closed && admissions.data !== null && !list.some((a) => a.status === 'active');
  if (list.length === 0 && !canRecord) return null;
  return (
    <section className="detail-section" aria-labelledby={`admissions-${incidentId}`} data-testid="admission-clocks">
      <h3 id={`admissions-${incidentId}`}>{t.admissions.title}</h3>
      {list.map((a) => (
        <AdmissionCard key={a.id} admission={a} />
      ))}
      {canRecord ? (
        <>
          <button type="button" className="btn" aria-expanded={recording} onClick={() => setRecording((r) => !r)}>
            {t.admissions.record}
          </button>
          {recording ? <EmergencyAdmissionForm incidentId={incidentId} onDone={() => setRecording(false)} /> : null}
        </>
      ) : null}
    </section>
  );
}
