import { useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { SelectField, TextAreaField, useFieldValues } from '../../common/fields';
import { localName } from '../../common/local-name';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { formatWhen } from '../clients/care-format';
import '../clients/care.css';

/**
 * The warm hand-back in the coordinator's drawer: once an incident is closed, the person goes to their community
 * mental health centre with a short note, and the centre's queue shows it with the incident summary.
 */
export function HandBackSection({ incidentId, closed }: { incidentId: string; closed: boolean }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const [version, setVersion] = useState(0);
  const followUps = useLoad(
    (signal) => api.incidentFollowUps(incidentId, signal),
    closed ? `${incidentId}:${version}` : null,
  );
  const centres = useLoad(() => api.communityCentres(), closed ? 'centres' : null);
  const { values, set, bind } = useFieldValues({ handBackNote: '', handBackCentre: '' });
  const { busy, failure, run } = useAction();
  if (!closed) return null;

  const handedBack = (followUps.data ?? []).find((f) => f.handBack);
  const centreName = (id: string | null) => localName((centres.data ?? []).find((a) => a.id === id)?.name ?? '—', lang);
  const { handBackNote: note, handBackCentre: centreId } = values;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await api.handBack(incidentId, { note: note.trim(), ...(centreId ? { agencyId: centreId } : {}) });
      set('handBackNote', '');
      setVersion((v) => v + 1);
    });
  };

  return (
    <section className="detail-section" aria-labelledby="hand-back-title" data-testid="hand-back">
      <h3 id="hand-back-title">{t.handBack.title}</h3>
      {handedBack?.handBack ? (
        <p role="status" data-testid="hand-back-done">
          {t.handBack.done(centreName(handedBack.agencyId), formatWhen(handedBack.handBack.at, lang))} ·{' '}
          {handedBack.status === 'open'
            ? t.handBack.followUpOpen(formatWhen(handedBack.dueAt, lang))
            : t.handBack.followUpDone(handedBack.outcome ? t.followUps.outcome[handedBack.outcome] : '—')}
        </p>
      ) : (
        <form className="care-form" onSubmit={submit}>
          <TextAreaField
            label={t.handBack.note}
            frame="plain"
            {...bind('handBackNote')}
            required
            maxLength={1000}
            rows={2}
          />
          <SelectField
            label={t.handBack.centre}
            frame="plain"
            {...bind('handBackCentre')}
            blank={t.handBack.defaultCentre}
            options={(centres.data ?? []).map((a) => ({ value: a.id, label: localName(a.name, lang) }))}
          />
          <button type="submit" className="btn btn-primary" disabled={busy || !note.trim()}>
            {t.handBack.submit}
          </button>
        </form>
      )}
      <FailureNote failure={failure} />
    </section>
  );
}
