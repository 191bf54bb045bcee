import { useI18n } from '../../i18n/i18n';
import { AdmissionCard } from './AdmissionCard';
import { useAdmissions } from './use-admissions';
import './admissions.css';

/** The running Art. 50 clocks of one incident, for the coordinator's drawer; nothing when there is no admission. */
export function AdmissionClocks({ incidentId }: { incidentId: string }) {
  const { t } = useI18n();
  const admissions = useAdmissions({ incidentId });
  if (!admissions.data?.length) return null;
  return (
    <section className="detail-section" aria-labelledby={`admissions-${incidentId}`} data-testid="admission-clocks">
      <h3 id={`admissions-${incidentId}`}>{t.admissions.title}</h3>
      {admissions.data.map((a) => (
        <AdmissionCard key={a.id} admission={a} />
      ))}
    </section>
  );
}
