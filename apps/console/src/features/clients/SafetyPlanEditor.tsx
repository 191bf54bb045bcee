import { useState, type FormEvent } from 'react';
import { EMPTY_SAFETY_PLAN, type ClientView, type SafetyPlan } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FormActions, TextAreaField } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { fromLines, LIST_STEPS, toLines } from './care-format';

type Draft = Record<(typeof LIST_STEPS)[number] | 'reasonsForLiving', string> & { meansSafety: string };

function toDraft(plan: SafetyPlan): Draft {
  return {
    warningSigns: fromLines(plan.warningSigns),
    copingStrategies: fromLines(plan.copingStrategies),
    socialContacts: fromLines(plan.socialContacts),
    helpContacts: fromLines(plan.helpContacts),
    professionalContacts: fromLines(plan.professionalContacts),
    reasonsForLiving: fromLines(plan.reasonsForLiving),
    meansSafety: plan.meansSafety,
  };
}

/** Edits the six steps (one item per line) and the reasons for living; saving replaces the whole plan. */
export function SafetyPlanEditor({
  client,
  onSaved,
  onCancel,
}: {
  client: ClientView;
  onSaved: (c: ClientView) => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => toDraft(client.safetyPlan ?? EMPTY_SAFETY_PLAN));
  const { busy, failure, run } = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const plan: SafetyPlan = {
      warningSigns: toLines(draft.warningSigns),
      copingStrategies: toLines(draft.copingStrategies),
      socialContacts: toLines(draft.socialContacts),
      helpContacts: toLines(draft.helpContacts),
      professionalContacts: toLines(draft.professionalContacts),
      meansSafety: draft.meansSafety.trim(),
      reasonsForLiving: toLines(draft.reasonsForLiving),
    };
    void run(async () => onSaved(await api.saveSafetyPlan(client.id, plan)));
  };

  const field = (key: keyof Draft) => (
    <TextAreaField
      key={key}
      label={t.clients.step[key]}
      frame="plain"
      name={key}
      value={draft[key]}
      onValue={(v) => setDraft({ ...draft, [key]: v })}
      rows={key === 'meansSafety' ? 3 : 2}
    />
  );

  return (
    <form className="care-form" onSubmit={submit} data-testid="safety-plan-editor" aria-labelledby="plan-editor-title">
      <h3 id="plan-editor-title">{t.clients.editPlan}</h3>
      <p className="hint">{t.clients.linesHint}</p>
      {LIST_STEPS.map(field)}
      {field('meansSafety')}
      {field('reasonsForLiving')}
      <FormActions
        failure={failure}
        busy={busy}
        submitLabel={t.clients.savePlan}
        onCancel={onCancel}
        className="care-actions"
      />
    </form>
  );
}
