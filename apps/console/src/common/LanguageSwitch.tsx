import { useI18n } from '../i18n/i18n';

/** Switches Korean ↔ English; its accessible name says what it does, its text names the other language. */
export function LanguageSwitch() {
  const { t, toggle } = useI18n();
  return (
    <button
      type="button"
      className="btn btn-quiet"
      onClick={toggle}
      aria-label={t.app.switchLanguageLabel}
      data-testid="language-switch"
    >
      {t.app.switchLanguage}
    </button>
  );
}
