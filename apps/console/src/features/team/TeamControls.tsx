import { useEffect, useState } from 'react';
import { SETTABLE_TEAM_STATUSES, type LatLng, type SettableTeamStatus, type TeamStatus } from '#contracts';
import { checkTeamTransition } from '#dispatch';
import { useAuth } from '../../auth/auth';
import type { Messages } from '../../i18n/en';
import { useConfig } from '../../app/config';
import { useI18n } from '../../i18n/i18n';
import { TEAM_STATUS_STYLE } from '../../common/category-style';
import { Countdown } from '../../common/Countdown';
import { FailureNote } from '../../common/FailureNote';
import { formatTime } from '../../common/format';
import { useAction } from '../../common/use-action';
import { useShortcuts } from '../../common/use-shortcuts';

const PANIC_CONFIRM_MS = 5000;

/**
 * Why the team's phone may not set `to` now (the same status machine the API applies), or null when it may. A
 * button that would be refused is disabled with this reason on it, not left to fail (issue 13 item 6).
 */
function whyNot(from: TeamStatus | undefined, to: SettableTeamStatus, t: Messages): string | null {
  if (!from || from === 'off-duty' || from === to) return null;
  const check = checkTeamTransition(from, to, 'team');
  if (check.ok) return null;
  const why = t.refusal.statusWhy;
  if (from === 'offered') return why.answerOffer;
  if (to === 'en-route') return why.acceptInstead;
  if (check.reason === 'not-allowed') return why.controlRoomOnly;
  if (from === 'on-scene' || from === 'transporting') return why.clearFirst;
  return why.notNow;
}

/** Status buttons, safety check-in and the panic button, all large enough for a gloved thumb. */
export function TeamControls({
  teamId,
  status,
  position,
}: {
  teamId: string;
  status: TeamStatus | undefined;
  position: () => LatLng | null;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { checkinMinutes } = useConfig();
  const { busy, failure, run } = useAction();
  const [lastCheckin, setLastCheckin] = useState<string | null>(null);
  const [panicArmed, setPanicArmed] = useState(false);
  const [panicSent, setPanicSent] = useState(false);

  useEffect(() => {
    if (!panicArmed) return;
    const timer = setTimeout(() => setPanicArmed(false), PANIC_CONFIRM_MS);
    return () => clearTimeout(timer);
  }, [panicArmed]);

  const setStatus = (next: SettableTeamStatus) =>
    void run(() => api.setTeamStatus(teamId, next, position() ?? undefined));
  const checkin = () =>
    void run(async () => {
      await api.checkin(teamId);
      setLastCheckin(new Date().toISOString());
    });
  const panic = () =>
    void run(async () => {
      await api.panic(teamId, position() ?? undefined);
      setPanicSent(true);
      setPanicArmed(false);
    });
  useShortcuts({ c: checkin });

  const due =
    status === 'on-scene' && lastCheckin
      ? new Date(Date.parse(lastCheckin) + checkinMinutes * 60_000).toISOString()
      : null;
  return (
    <>
      <section className="team-status" aria-labelledby="team-status-title">
        <h2 id="team-status-title">{t.team.status}</h2>
        <div className="status-grid" role="group" aria-labelledby="team-status-title">
          {SETTABLE_TEAM_STATUSES.map((s) => {
            const style = TEAM_STATUS_STYLE[s];
            const current = s === status;
            const why = whyNot(status, s, t);
            return (
              <button
                key={s}
                type="button"
                className={`btn btn-big status-button${current ? ' is-current' : ''}`}
                aria-pressed={current}
                disabled={busy || why !== null}
                data-why={why ?? undefined}
                data-testid={`status-${s}`}
                style={current ? { background: style.color, color: style.ink } : undefined}
                onClick={() => setStatus(s)}
              >
                <span aria-hidden="true">{style.glyph}</span> {t.teamStatus[s]}
                {why ? <small className="status-why">{why}</small> : null}
              </button>
            );
          })}
        </div>
      </section>
      <FailureNote failure={failure} />
      <section className="team-safety" aria-label={t.team.checkin}>
        <button
          type="button"
          className="btn btn-big btn-checkin"
          onClick={checkin}
          disabled={busy}
          data-testid="checkin"
        >
          ✓ {t.team.checkin}
        </button>
        <p className="hint">
          {lastCheckin ? t.team.checkedIn(formatTime(lastCheckin, lang)) : ''}
          {due ? (
            <>
              {' · '}
              {t.team.checkinDue}: <Countdown to={due} warnMs={5 * 60_000} />
            </>
          ) : null}
        </p>
        {panicSent ? (
          <p className="panic-sent" role="alert">
            {t.team.panicSent}
          </p>
        ) : null}
        {panicArmed ? (
          <button
            type="button"
            className="btn btn-big btn-panic is-armed"
            onClick={panic}
            disabled={busy}
            data-testid="panic-confirm"
          >
            ▲ {t.team.panicConfirm}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-big btn-panic"
            onClick={() => setPanicArmed(true)}
            data-testid="panic"
          >
            ▲ {t.team.panic}
          </button>
        )}
      </section>
    </>
  );
}
