import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallOutcome, Category, CounselorCategory, TriageResult } from '#contracts';
import { callerIsThirdParty } from '#triage';
import { useAuth, useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useEntry, useStore } from '../../realtime/realtime';
import { formatTime } from '../../common/format';
import { Landmark } from '../../common/Landmark';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { useShortcuts } from '../../common/use-shortcuts';
import { CallProgress } from './CallProgress';
import { ClientMatch, ClientMatchPending } from './ClientMatch';
import { EndCallForm } from './EndCallForm';
import { IncidentForm } from './IncidentForm';
import { LocationPicker, type PickedLocation } from './LocationPicker';
import { TakeoverBar } from './TakeoverBar';
import { TriageForm } from './TriageForm';
import { TriageResultPanel } from './TriageResultPanel';
import { emptyAnswers, evaluateTriageForm } from './triage-form-model';
import { triageSubmission } from './triage-completeness';

function suggestedOutcome(linked: boolean, category: Category): CallOutcome {
  if (linked) return 'field-dispatch';
  if (category === 'G') return 'information-given';
  if (category === 'F') return 'linked-to-treatment';
  return 'closed-after-counselling';
}

/** One active call: caller match, guided triage with live result, location, incident, end with an outcome. */
export function ActiveCall({ callId, onEnded }: { callId: string; onEnded: () => void }) {
  const { api } = useAuth();
  const user = useUser();
  const { t, lang } = useI18n();
  const store = useStore();
  const call = useLoad(() => api.call(callId), callId);
  const live = useEntry('calls', callId);
  // Another counselor's active call is read-only here until it is taken over (the server refuses with 403 too).
  const owner = live?.counselorId ?? call.data?.counselorId ?? null;
  const heldByOther = (live?.status ?? call.data?.status) === 'active' && owner !== null && owner !== user.id;
  const [answers, setAnswers] = useState(emptyAnswers);
  const thirdParty = callerIsThirdParty(call.data?.callerRelation);
  const evaluation = useMemo(() => evaluateTriageForm(answers, {}, thirdParty), [answers, thirdParty]);
  const [recorded, setRecorded] = useState<{ key: string; result: TriageResult } | null>(null);
  const [location, setLocation] = useState<PickedLocation | null>(null);
  const [createdNumber, setCreatedNumber] = useState<string | null>(null);
  const { busy, failure, run } = useAction();

  useEffect(() => {
    if (call.data) store.seedCalls([call.data]);
  }, [call.data, store]);

  // Issue 13 item 10: a recognised client's last attended location fills the location in (the counselor checks it
  // with the caller), so a call from a known address needs no map click or typing.
  const lastLocation = call.data?.clientLastLocation ?? null;
  const [prefilledAt, setPrefilledAt] = useState<string | null>(null);
  const prefilled = useRef(false);
  useEffect(() => {
    if (!lastLocation || prefilled.current) return;
    prefilled.current = true;
    setLocation((current) => current ?? { ...lastLocation, address: lastLocation.address ?? '' });
    setPrefilledAt(lastLocation.address ?? `${lastLocation.lat.toFixed(5)}, ${lastLocation.lng.toFixed(5)}`);
  }, [lastLocation]);

  const inputKey = JSON.stringify(evaluation.input);
  /**
   * Records the triage unless this exact input is already recorded (the server's answer is authoritative). Open
   * path questions go as null, so the server refuses an unassessed triage; a category A from danger-now answers
   * lists the rest as not asked, and `chosen` is the counselor's category when questions could not be asked.
   */
  const recordTriage = async (chosen: CounselorCategory | null = null) => {
    if (recorded?.key === inputKey && !chosen) return;
    const { open, assessed } = evaluation.completeness;
    const asA = assessed && open.length > 0 ? { category: 'A' as const, reason: t.triageCheck.categoryAReason } : null;
    const result = await api.triageCall(callId, triageSubmission(evaluation.input, open, chosen ?? asA));
    setRecorded({ key: inputKey, result });
  };
  const override = (category: Category, reason: string) =>
    void run(async () => {
      const record = await api.overrideTriage(callId, { category, reason });
      setRecorded({ key: inputKey, result: record });
    });

  // Keyboard and focus (issue 13 item 9): the next thing to do gets the focus.
  const focusLocation = () => {
    const lat = document.querySelector<HTMLInputElement>('.location-picker input[name="lat"]');
    lat?.scrollIntoView({ block: 'center' });
    lat?.focus();
  };
  // Only once the triage is recorded, and only if the counselor is still where they were: one who has gone on to
  // type the location while the answer was on its way keeps the focus (it never jumps out of a field in use).
  const stillAt = (from: Element | null) => document.activeElement === from || document.activeElement === document.body;
  const focusNextAfterTriage = (from: Element | null) => {
    if (!stillAt(from)) return;
    if (location) document.getElementById('create-incident')?.focus();
    else focusLocation();
  };
  // Category A goes straight on to the incident: with a location it is created at once, else the location is next.
  const confirmAndCreate = () => {
    const from = document.activeElement;
    void run(async () => {
      await recordTriage();
      if (location) document.querySelector<HTMLFormElement>('form[data-testid="incident-form"]')?.requestSubmit();
      else if (stillAt(from)) focusLocation();
    });
  };
  const callLoaded = call.data !== null && call.data !== undefined;
  useEffect(() => {
    if (callLoaded) document.querySelector<HTMLInputElement>('#triage-form input')?.focus();
  }, [callLoaded, callId]);

  useShortcuts({
    'alt+t': () => document.querySelector<HTMLInputElement>('#triage-form input')?.focus(),
    'alt+i': () => (location ? document.getElementById('create-incident')?.click() : focusLocation()),
    'alt+e': () => document.getElementById('end-call-outcome')?.focus(),
  });

  const linkedIncidentId = live?.incidentId ?? call.data?.incidentId ?? null;
  return (
    <Landmark className="active-call" titleId="active-call-title" testId="active-call" data-call-id={callId}>
      <header className="active-call-head">
        <h2 id="active-call-title">{t.counselor.activeCall}</h2>
        <span>
          {call.data
            ? `${t.callChannel[call.data.channel]} · ${call.data.callerNumber ?? ''} · ${t.counselor.received} ${formatTime(call.data.receivedAt, lang)}`
            : t.app.loading}
        </span>
      </header>
      {heldByOther ? <TakeoverBar callId={callId} /> : null}
      {/* The caller's details (and a recognised client's safety plan) arrive after the call opens: they sit beside
          the questions (above them, in a box of fixed height, on a narrow screen), so the questions never move under
          a counselor's pointer as they arrive. */}
      <div className="triage-layout">
        {call.data ? (
          <ClientMatch
            matches={call.data.clientMatches}
            linkedClientId={call.data.clientId}
            repeatContact={call.data.repeatContact}
          />
        ) : (
          <ClientMatchPending />
        )}
        <TriageForm answers={answers} missing={evaluation.missing} onChange={setAnswers} locked={heldByOther} />
        <TriageResultPanel
          evaluation={evaluation}
          recorded={recorded?.key === inputKey ? recorded.result : null}
          busy={busy}
          locked={heldByOther}
          failure={failure}
          createNext={location ? 'create' : 'locate'}
          onConfirmAndCreate={confirmAndCreate}
          onSubmit={() => {
            const from = document.activeElement;
            void run(async () => {
              await recordTriage();
              focusNextAfterTriage(from);
            });
          }}
          onOverride={override}
          onChoose={(chosen) => {
            const from = document.activeElement;
            void run(async () => {
              await recordTriage(chosen);
              focusNextAfterTriage(from);
            });
          }}
        />
      </div>
      {linkedIncidentId ? <CallProgress incidentId={linkedIncidentId} /> : null}
      {prefilledAt && location ? (
        <p className="hint" data-testid="location-prefilled">
          {t.quickDispatch.prefilled(prefilledAt)}
        </p>
      ) : null}
      <LocationPicker value={location} onChange={setLocation} callerRelation={call.data?.callerRelation ?? null} />
      <IncidentForm
        callId={callId}
        location={location}
        linkedIncidentId={linkedIncidentId}
        recordTriage={recordTriage}
        reasons={(recorded?.key === inputKey ? recorded.result : evaluation.result).reasons}
        onCreated={setCreatedNumber}
        locked={heldByOther}
      />
      <EndCallForm
        key={createdNumber ?? 'none'}
        callId={callId}
        suggested={suggestedOutcome(
          linkedIncidentId !== null || createdNumber !== null,
          recorded?.result.category ?? evaluation.result.category,
        )}
        onEnded={onEnded}
        locked={heldByOther}
      />
    </Landmark>
  );
}
