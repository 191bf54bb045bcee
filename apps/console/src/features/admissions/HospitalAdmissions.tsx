import { useState, type FormEvent } from 'react';
import {
  ADMISSION_OUTCOMES,
  GUARDIAN_NOTICE_METHODS,
  type AdmissionOutcome,
  type EmergencyAdmissionView,
  type GuardianNoticeMethod,
} from '#contracts';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { choicesOf, SelectField, TextField } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { useI18n } from '../../i18n/i18n';
import { AdmissionCard } from './AdmissionCard';
import { useAdmissions } from './use-admissions';
import './admissions.css';

/**
 * The hospital's emergency admissions with their clocks, for its partner-portal section (the portal gives the
 * heading): it records the guardian's written notice and the end with its outcome.
 */
export function HospitalAdmissions() {
  const { t } = useI18n();
  const admissions = useAdmissions({});
  return (
    <div data-testid="hospital-admissions">
      {admissions.data?.length === 0 ? <p className="empty-note">{t.admissions.none}</p> : null}
      {(admissions.data ?? []).map((a) => (
        <AdmissionCard key={a.id} admission={a} showIncident>
          {a.status === 'active' ? <AdmissionActions admission={a} /> : null}
        </AdmissionCard>
      ))}
    </div>
  );
}

// Who was given the notice, in form order, each as long as the API accepts (libs/contracts admissions.ts); a field's
// name is also the key of its label.
const GUARDIAN_FIELDS = [
  ['guardianName', 100],
  ['relation', 60],
] as const;

type GuardianField = (typeof GUARDIAN_FIELDS)[number][0];

function AdmissionActions({ admission: a }: { admission: EmergencyAdmissionView }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { busy, failure, run } = useAction();
  const [guardian, setGuardian] = useState<Record<GuardianField, string>>({ guardianName: '', relation: '' });
  const [method, setMethod] = useState<GuardianNoticeMethod>('written');
  const [outcome, setOutcome] = useState<AdmissionOutcome | ''>('');
  const notice = (e: FormEvent) => {
    e.preventDefault();
    void run(() =>
      api.recordGuardianNotice(a.id, {
        name: guardian.guardianName.trim(),
        relation: guardian.relation.trim(),
        method,
        at: new Date().toISOString(),
      }),
    );
  };
  const end = (e: FormEvent) => {
    e.preventDefault();
    if (outcome) void run(() => api.endAdmission(a.id, { outcome, at: new Date().toISOString() }));
  };
  return (
    <div className="row-actions">
      {a.guardianNotice.status !== 'done' ? (
        <form className="inline-form" onSubmit={notice} data-testid="guardian-notice-form">
          {GUARDIAN_FIELDS.map(([field, maxLength]) => (
            <TextField
              key={field}
              label={t.admissions[field]}
              value={guardian[field]}
              onValue={(v) => setGuardian((g) => ({ ...g, [field]: v }))}
              required
              maxLength={maxLength}
              name={field}
            />
          ))}
          <SelectField
            label={t.admissions.method}
            value={method}
            onValue={(v) => setMethod(v as GuardianNoticeMethod)}
            name="method"
            options={choicesOf(GUARDIAN_NOTICE_METHODS, t.admissions.methods)}
          />
          <button type="submit" className="btn" disabled={busy}>
            {t.admissions.recordNotice}
          </button>
        </form>
      ) : null}
      <form className="inline-form" onSubmit={end} data-testid="end-admission-form">
        <SelectField
          label={t.admissions.endOutcome}
          value={outcome}
          onValue={(v) => setOutcome(v as AdmissionOutcome)}
          required
          name="outcome"
          blank="—"
          options={choicesOf(ADMISSION_OUTCOMES, t.admissions.outcome)}
        />
        <button type="submit" className="btn" disabled={busy}>
          {t.admissions.end}
        </button>
      </form>
      <FailureNote failure={failure} />
    </div>
  );
}
