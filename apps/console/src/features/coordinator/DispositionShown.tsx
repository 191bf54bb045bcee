import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useLoad } from '../../common/use-load';

/** A closed incident's disposition, by its label in the screen's language (issue 13 item 7). */
export function DispositionShown({ code }: { code: string }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const list = useLoad((signal) => api.dispositions(signal), 'dispositions');
  const found = list.data?.find((d) => d.code === code);
  return (
    <p className="disposition-shown" data-testid="disposition-shown" data-code={code}>
      {t.detail.disposition}: <strong>{found ? (lang === 'ko' ? found.labelKo : found.label) : code}</strong>
    </p>
  );
}
