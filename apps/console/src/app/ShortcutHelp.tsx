import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';

/** The keyboard shortcut list as a real dialog (issue 13 item 9): focus moves into it, Escape or Close ends it. */
export function ShortcutHelp({ roleShortcuts, onClose }: { roleShortcuts: string; onClose: () => void }) {
  const { t } = useI18n();
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        onClose();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      opener?.focus?.();
    };
  }, [onClose]);
  return (
    <div
      className="shortcut-help"
      id="shortcut-help"
      role="dialog"
      aria-modal="false"
      aria-labelledby="shortcut-help-title"
      data-testid="shortcut-help"
    >
      <h2 id="shortcut-help-title" className="shortcut-help-title">
        {t.app.shortcuts}
      </h2>
      <p>{t.shortcutsHelp.global}</p>
      <p>{roleShortcuts}</p>
      <button type="button" className="btn" ref={closeRef} onClick={onClose}>
        {t.app.close}
      </button>
    </div>
  );
}
