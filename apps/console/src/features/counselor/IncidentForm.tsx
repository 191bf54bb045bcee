import { useMemo, useState, type FormEvent } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntities } from '../../realtime/realtime';
import { useAction } from '../../common/use-action';
import { isActiveIncident } from '../map/region-shading';
import type { PickedLocation } from './LocationPicker';
import { TAKEOVER_EXPLANATION_ID } from './TakeoverBar';

/** Creates an incident from the call (recording the triage first if needed), or attaches the call to one. */
export function IncidentForm({
  callId,
  location,
  linkedIncidentId,
  recordTriage,
  reasons = [],
  onCreated,
  locked = false,
}: {
  callId: string;
  location: PickedLocation | null;
  linkedIncidentId: string | null;
  recordTriage: () => Promise<void>;
  /** The triage reasons (codes): each can be added to the summary with one click (issue 13 item 10). */
  reasons?: readonly string[];
  onCreated: (number: string) => void;
  /** Another counselor holds the call (see TakeoverBar). */
  locked?: boolean;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const { map, version } = useEntities('incidents');
  const [summary, setSummary] = useState('');
  const [attachTo, setAttachTo] = useState('');
  const { busy, failure, run, showFailure } = useAction();
  /** The notice of the incident just created; a failure shows in its place. */
  const [created, setCreated] = useState<string | null>(null);
  const nearby = useMemo(() => {
    const active = [...map.values()].filter((i) => isActiveIncident(i.status));
    if (!location) return active.slice(0, 50);
    const d = (i: (typeof active)[number]) =>
      (i.location.lat - location.lat) ** 2 + (i.location.lng - location.lng) ** 2;
    return active.sort((a, b) => d(a) - d(b)).slice(0, 50);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
  }, [map, version, location]);

  const reasonText = (code: string) => t.triage.reasonText[code as keyof typeof t.triage.reasonText] ?? code;
  const addReason = (code: string) =>
    setSummary((current) => {
      const text = reasonText(code);
      if (current.includes(text)) return current;
      return current.trim() ? `${current.trim()} · ${text}` : text;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setCreated(null);
    if (!location) {
      showFailure(t.counselor.needLocation);
      return;
    }
    void run(async () => {
      await recordTriage();
      const incident = await api.createIncident({
        callId,
        location: {
          lat: location.lat,
          lng: location.lng,
          ...(location.address.trim() ? { address: location.address.trim() } : {}),
        },
        ...(summary.trim() ? { summary: summary.trim() } : {}),
        ...(attachTo ? { attachToIncidentId: attachTo } : {}),
      });
      setCreated(t.counselor.incidentCreated(incident.number));
      onCreated(incident.number);
    });
  };

  return (
    <form
      className="incident-form"
      onSubmit={submit}
      aria-label={t.counselor.createIncident}
      data-testid="incident-form"
    >
      <label className="field">
        <span>{t.counselor.summary}</span>
        <textarea
          name="summary"
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
          rows={2}
          maxLength={2000}
        />
      </label>
      {reasons.length ? (
        <div
          className="reason-picks"
          role="group"
          aria-label={t.quickDispatch.pickReasons}
          data-testid="summary-reasons"
        >
          {reasons.map((code) => (
            <button key={code} type="button" className="btn btn-small" onClick={() => addReason(code)}>
              <span aria-hidden="true">+ </span>
              {reasonText(code)}
            </button>
          ))}
        </div>
      ) : null}
      <label className="field">
        <span>{t.counselor.attachTo}</span>
        <select name="attachToIncidentId" value={attachTo} onChange={(e) => setAttachTo(e.target.value)}>
          <option value="">{t.counselor.attachNone}</option>
          {nearby.map((i) => (
            <option key={i.id} value={i.id}>
              {i.number} · {i.category} · {t.incidentStatus[i.status]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="btn btn-primary"
        disabled={busy || locked || linkedIncidentId !== null}
        id="create-incident"
        aria-describedby={locked ? TAKEOVER_EXPLANATION_ID : undefined}
      >
        {t.counselor.createIncident}
      </button>
      {failure !== null || created !== null ? (
        <p
          className={failure !== null ? 'error' : 'notice'}
          role={failure !== null ? 'alert' : 'status'}
          data-testid="incident-created"
        >
          {failure ?? created}
        </p>
      ) : null}
    </form>
  );
}
