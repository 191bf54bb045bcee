import { useState, type FormEvent } from 'react';
import { ADMISSION_ESCORTS, type AdmissionEscort } from '#contracts';
import { useAuth } from '../../auth/auth';
import { FailureNote } from '../../common/FailureNote';
import { choicesOf, SelectField, TextField } from '../../common/fields';
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
  const set = (key: keyof typeof f) => (value: string) => setF((s) => ({ ...s, [key]: value }));
  // The required inputs: names (with their longest length) and local date-times.
  const text = (key: 'doctorName' | 'policeName' | 'policeBadge', maxLength: number) =>
    ({ name: key, value: f[key], onValue: set(key), required: true, maxLength }) as const;
  const when = (key: 'doctorAt' | 'policeAt' | 'admittedAt') =>
    ({ name: key, type: 'datetime-local', value: f[key], onValue: set(key), required: true }) as const;
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
      <SelectField
        label={t.admissions.hospital}
        value={f.hospitalAgencyId}
        onValue={set('hospitalAgencyId')}
        required
        name="hospitalAgencyId"
        blank="—"
        options={(hospitals.data ?? []).map((h) => ({ value: h.id, label: h.name }))}
      />
      <TextField label={t.admissions.doctorName} {...text('doctorName', 100)} />
      <TextField label={t.admissions.doctorAt} {...when('doctorAt')} />
      <TextField label={t.admissions.policeName} {...text('policeName', 100)} />
      <TextField label={t.admissions.policeBadge} {...text('policeBadge', 40)} />
      <TextField label={t.admissions.policeAt} {...when('policeAt')} />
      <SelectField
        label={t.admissions.escortLabel}
        value={f.escort}
        onValue={set('escort')}
        name="escort"
        options={choicesOf(ADMISSION_ESCORTS, t.admissions.escorts)}
      />
      <TextField label={t.admissions.admittedAtLabel} {...when('admittedAt')} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t.admissions.submit}
      </button>
      <FailureNote failure={failure} />
    </form>
  );
}
