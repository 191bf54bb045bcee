import { useState } from 'react';
import type { ClientView } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { Landmark } from '../../common/Landmark';
import { errorText } from '../../common/error-text';
import { useLoad } from '../../common/use-load';
import { ClientForm } from './ClientForm';
import { ClientHistory } from './ClientHistory';
import { CautionChips } from './CautionChips';
import { SafetyPlanEditor } from './SafetyPlanEditor';
import { SafetyPlanView } from './SafetyPlanView';
import { formatWhen } from './care-format';
import { localName } from '../../common/local-name';

type Mode = 'view' | 'edit' | 'plan';

/** One client's record: facts, legal basis, cautions, the safety plan (edit, print) and the history. */
export function ClientRecord({
  clientId,
  onClose,
  onChanged,
}: {
  clientId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const [version, setVersion] = useState(0);
  const loaded = useLoad((signal) => api.client(clientId, signal), `${clientId}:${version}`);
  const [saved, setSaved] = useState<ClientView | null>(null);
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<string | null>(null);
  const client = saved?.id === clientId ? saved : loaded.data;

  const done = (c: ClientView, message: string) => {
    setSaved(c);
    setMode('view');
    setNotice(message);
    setVersion((v) => v + 1);
    onChanged();
  };

  if (loaded.error) return <FailureNote failure={errorText(loaded.error, t, lang)} testId="client-record-error" />;
  if (!client) return <p>{t.app.loading}</p>;
  return (
    <Landmark
      as="article"
      className="care-panel"
      titleId="client-record-title"
      testId="client-record"
      data-client-id={client.id}
    >
      <header className="care-actions no-print">
        <h2 id="client-record-title">{localName(client.name, lang)}</h2>
        <CautionChips caution={client.caution} />
        <button type="button" className="btn btn-quiet" onClick={onClose}>
          {t.clients.close}
        </button>
      </header>
      {notice ? (
        <p className="notice no-print" role="status">
          {notice}
        </p>
      ) : null}
      {mode === 'edit' ? (
        <ClientForm client={client} onSaved={(c) => done(c, t.clients.saved)} onCancel={() => setMode('view')} />
      ) : null}
      {mode === 'view' ? (
        <div className="no-print">
          <dl className="facts">
            <dt>{t.clients.phone}</dt>
            <dd>{client.phones.join(', ') || '—'}</dd>
            <dt>{t.clients.birthYear}</dt>
            <dd>{client.birthYear ?? '—'}</dd>
            <dt>{t.clients.caseManager}</dt>
            <dd>{client.caseManager ?? '—'}</dd>
            <dt>{t.clients.basis}</dt>
            <dd data-testid="client-basis">
              {client.basis
                ? `${t.clients.basisKind[client.basis.kind]}${client.basis.scope ? `: ${client.basis.scope}` : ''}${client.basis.note ? `: ${client.basis.note}` : ''} · ${client.basis.recordedBy.name ? t.clients.basisBy(client.basis.recordedBy.name, formatWhen(client.basis.at, lang)) : formatWhen(client.basis.at, lang)}`
                : t.clients.basisMissing}
            </dd>
          </dl>
          <div className="care-actions">
            <button type="button" className="btn" onClick={() => setMode('edit')}>
              {t.clients.edit}
            </button>
          </div>
        </div>
      ) : null}
      <section aria-labelledby="client-plan-title" className="print-plan" data-testid="client-safety-plan">
        <h2 id="client-plan-title">
          {t.clients.safetyPlan}
          {client.safetyPlanUpdatedAt ? (
            <small> · {t.clients.planUpdated(formatWhen(client.safetyPlanUpdatedAt, lang))}</small>
          ) : null}
        </h2>
        {mode === 'plan' ? (
          <SafetyPlanEditor
            client={client}
            onSaved={(c) => done(c, t.clients.planSaved)}
            onCancel={() => setMode('view')}
          />
        ) : client.safetyPlan ? (
          <SafetyPlanView plan={client.safetyPlan} name={localName(client.name, lang)} headingLevel={3} />
        ) : (
          <p className="empty-note">{t.clients.noPlan}</p>
        )}
        {mode === 'view' ? (
          <div className="care-actions no-print">
            <button type="button" className="btn" onClick={() => setMode('plan')}>
              {t.clients.editPlan}
            </button>
            {client.safetyPlan ? (
              <button type="button" className="btn" onClick={() => window.print()}>
                {t.clients.print}
              </button>
            ) : null}
          </div>
        ) : null}
      </section>
      <div className="no-print">
        <ClientHistory clientId={client.id} refreshKey={String(version)} />
      </div>
    </Landmark>
  );
}
