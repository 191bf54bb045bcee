import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { SETTABLE_TEAM_STATUSES, type SettableTeamStatus, type TeamStatus } from '#contracts';
import { ApiError } from '../../api/http';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { TEAM_STATUS_STYLE } from '../../common/category-style';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { errorText } from '../../common/error-text';

/**
 * The coordinator sets a team's status by hand (a radio that died, a team that called in). The server's status
 * machine decides what is legal; its 409 message is shown as it is, under the row.
 */
export function TeamStatusMenu({ teamId, callsign, status }: { teamId: string; callsign: string; status: TeamStatus }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const [up, setUp] = useState(false);
  const menuId = useId();
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const { busy, failure, run, clearFailure } = useAction({
    describeError: (e) => (e instanceof ApiError ? t.teams.statusRefused(errorText(e, t, lang)) : t.app.error),
    onSettled: () => {
      setOpen(false);
      toggle.current?.focus();
    },
  });

  // Open upwards when the board's scroll area would cut the menu off; focus the first item; close on a click elsewhere.
  useEffect(() => {
    if (!open) {
      // eslint-disable-next-line react-hooks/set-state-in-effect -- a closed menu forgets its direction; the next open measures again
      setUp(false);
      return;
    }
    const box = menu.current?.getBoundingClientRect();
    const panel = root.current?.closest('.panel')?.getBoundingClientRect();
    if (box && panel && box.bottom > panel.bottom) setUp(true);
    menu.current?.querySelector<HTMLButtonElement>('[role="menuitem"]:not([disabled])')?.focus();
    const outside = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const choose = (next: SettableTeamStatus) => run(() => api.setTeamStatus(teamId, next));

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="menuitem"]:not([disabled])')];
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      items[(index + step + items.length) % items.length]?.focus();
    }
  };

  return (
    <div className="team-status-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        className="btn btn-small btn-quiet"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={t.teams.setStatusFor(callsign)}
        onClick={() => {
          clearFailure();
          setOpen((o) => !o);
        }}
        data-testid="team-status-menu"
      >
        {t.teams.setStatus} ▾
      </button>
      {open ? (
        <ul
          ref={menu}
          className={`menu${up ? ' is-up' : ''}`}
          role="menu"
          id={menuId}
          aria-label={t.teams.setStatusFor(callsign)}
          onKeyDown={onMenuKey}
        >
          {SETTABLE_TEAM_STATUSES.map((s) => (
            <li key={s} role="none">
              <button
                type="button"
                role="menuitem"
                disabled={busy || s === status}
                onClick={() => void choose(s)}
                data-testid={`set-status-${s}`}
              >
                <span aria-hidden="true">{TEAM_STATUS_STYLE[s].glyph}</span> {t.teamStatus[s]}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FailureNote failure={failure} className="team-status-error" testId="team-status-error" />
    </div>
  );
}
