import { useState, type FormEvent } from 'react';
import { ADMISSION_ESCORTS, type AdmissionEscort } from '#contracts';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useI18n } from '../../i18n/i18n';

/** `YYYY-MM-DDTHH:mm` in the browser's zone, for datetime-local inputs. */
function localInput(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}
const iso = (local: string) => new Date(local).toISOString();

/** The coordinator records an emergency admission: hospital, both consents, escort and time; the server sets the end. */
export function EmergencyAdmissionForm({ incidentId, onDone }: { incidentId: string; onDone: () => void }) {
  const { api } = useAuth();
  const { t } = useI18n();
  const hospitals = useLoad(() => api.agencies('hospital'), 'hospitals');
  const now = localInput(new Date());
  const [f, setF] = useState({
    hospitalAgencyId: '',
    doctorName: '',
    doctorAt: now,
    policeName: '',
    policeBadge: '',
    policeAt: now,
    escort: 'police' as AdmissionEscort,
    admittedAt: now,
  });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) =>
    setF((s) => ({ ...s, [key]: e.target.value }));
  const { busy, failure, run } = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api.createEmergencyAdmission(incidentId, {
        hospitalAgencyId: f.hospitalAgencyId,
        doctor: { name: f.doctorName.trim(), at: iso(f.doctorAt) },
        police: { name: f.policeName.trim(), badge: f.policeBadge.trim(), at: iso(f.policeAt) },
        escort: f.escort,
        admittedAt: iso(f.admittedAt),
      });
      onDone();
    });
  };
  return (
    <form
      className="inline-form"
      onSubmit={submit}
      data-testid="emergency-admission-form"
      aria-label={t.admissions.recordTitle}
    >
      <p className="hint field-wide">{t.admissions.recordTitle}</p>
      <label className="field">
        <span>{t.admissions.hospital}</span>
        <select value={f.hospitalAgencyId} onChange={set('hospitalAgencyId')} required name="hospitalAgencyId">
          <option value="">—</option>
          {(hospitals.data ?? []).map((h) => (
            <option key={h.id} value={h.id}>
              {h.name}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.admissions.doctorName}</span>
        <input value={f.doctorName} onChange={set('doctorName')} required maxLength={100} name="doctorName" />
      </label>
      <label className="field">
        <span>{t.admissions.doctorAt}</span>
        <input type="datetime-local" value={f.doctorAt} onChange={set('doctorAt')} required name="doctorAt" />
      </label>
      <label className="field">
        <span>{t.admissions.policeName}</span>
        <input value={f.policeName} onChange={set('policeName')} required maxLength={100} name="policeName" />
      </label>
      <label className="field">
        <span>{t.admissions.policeBadge}</span>
        <input value={f.policeBadge} onChange={set('policeBadge')} required maxLength={40} name="policeBadge" />
      </label>
      <label className="field">
        <span>{t.admissions.policeAt}</span>
        <input type="datetime-local" value={f.policeAt} onChange={set('policeAt')} required name="policeAt" />
      </label>
      <label className="field">
        <span>{t.admissions.escortLabel}</span>
        <select value={f.escort} onChange={set('escort')} name="escort">
          {ADMISSION_ESCORTS.map((e) => (
            <option key={e} value={e}>
              {t.admissions.escorts[e]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        <span>{t.admissions.admittedAtLabel}</span>
        <input type="datetime-local" value={f.admittedAt} onChange={set('admittedAt')} required name="admittedAt" />
      </label>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t.admissions.submit}
      </button>
      <FailureNote failure={failure} />
    </form>
  );
}
