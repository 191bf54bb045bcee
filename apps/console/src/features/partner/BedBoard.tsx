import { useEffect, useState, type FormEvent } from 'react';
import { bedsStale } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useNow } from '../../common/clock';
import { FailureNote } from '../../common/FailureNote';
import { formatDateTime } from '../../common/format';
import { useAction } from '../../common/use-action';
import { useI18n } from '../../i18n/i18n';
import { useEntry } from '../../realtime/realtime';

/** A hospital's free psychiatric emergency beds and whether it accepts now, with the age of the last report. */
export function BedBoard({ agencyId }: { agencyId: string }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const hospital = useEntry('hospitals', agencyId);
  const now = useNow();
  const { busy, failure, run } = useAction();
  const [available, setAvailable] = useState('');
  const [accepting, setAccepting] = useState(true);
  const [saved, setSaved] = useState(false);

  // The form starts from the board as last reported (and follows a report made elsewhere until edited).
  const reportedBeds = hospital?.bedsAvailable;
  const reportedAccepting = hospital?.accepting;
  useEffect(() => {
    if (reportedBeds === undefined) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the board is a live external store; the form copies its report
    setAvailable(reportedBeds === null ? '' : String(reportedBeds));
    setAccepting(reportedAccepting ?? true);
  }, [reportedBeds, reportedAccepting]);

  const updatedAt = hospital?.bedsUpdatedAt ?? null;
  const stale = bedsStale(updatedAt, now);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(available);
    if (!Number.isInteger(n) || n < 0) return;
    setSaved(false);
    void run(async () => {
      await api.reportBeds(agencyId, n, accepting);
      setSaved(true);
    });
  };

  return (
    <section className="panel bed-board" aria-labelledby="bed-board-title" data-testid="bed-board">
      <h2 id="bed-board-title">{t.partner.bedBoard}</h2>
      <p className="bed-board-now">
        <strong data-testid="bed-board-beds">{hospital?.bedsAvailable ?? '?'}</strong> {t.partner.bedsFree}
        {hospital && hospital.accepting === false ? ` · ${t.bedRequest.notAccepting}` : ''}
      </p>
      <p className="note" data-testid="beds-updated-at">
        {updatedAt ? t.partner.bedsLastUpdate(formatDateTime(updatedAt, lang)) : t.partner.bedsNever}
      </p>
      {stale ? (
        <p className="warning-note" role="status" data-testid="beds-stale">
          {t.partner.bedsStale}
        </p>
      ) : null}
      <form className="inline-form" onSubmit={submit}>
        <label className="field">
          <span>{t.partner.bedsFree}</span>
          <input
            type="number"
            min={0}
            max={10000}
            step={1}
            inputMode="numeric"
            value={available}
            onChange={(e) => setAvailable(e.target.value)}
            required
            data-testid="beds-input"
          />
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={accepting}
            onChange={(e) => setAccepting(e.target.checked)}
            data-testid="accepting-input"
          />
          <span>{t.partner.accepting}</span>
        </label>
        <button type="submit" className="btn btn-primary" disabled={busy} data-testid="update-beds">
          {t.partner.updateBeds}
        </button>
      </form>
      {saved ? (
        <p className="note" role="status">
          {t.partner.bedsSaved}
        </p>
      ) : null}
      <FailureNote failure={failure} />
    </section>
  );
}
