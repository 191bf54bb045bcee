import type { SafetyPlan } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import { LIST_STEPS } from './care-format';
import './care.css';

/** The Stanley–Brown plan as the person wrote it: read on a call, and the printed page they take home. */
export function SafetyPlanView({
  plan,
  name,
  headingLevel = 4,
}: {
  plan: SafetyPlan;
  name?: string;
  headingLevel?: 3 | 4;
}) {
  const { t } = useI18n();
  const Step = headingLevel === 3 ? 'h4' : 'h5';
  return (
    <div className="plan-view" data-testid="safety-plan-view">
      {name ? <p className="plan-name">{name}</p> : null}
      {LIST_STEPS.map((step) => (
        <section key={step} data-step={step}>
          <Step>{t.clients.step[step]}</Step>
          {plan[step].length ? (
            <ul>
              {plan[step].map((item, i) => (
                <li key={i}>{item}</li>
              ))}
            </ul>
          ) : (
            <p>—</p>
          )}
        </section>
      ))}
      <section data-step="meansSafety">
        <Step>{t.clients.step.meansSafety}</Step>
        <p>{plan.meansSafety || '—'}</p>
      </section>
      {plan.reasonsForLiving?.length ? (
        <section data-step="reasonsForLiving">
          <Step>{t.clients.step.reasonsForLiving}</Step>
          <ul>
            {plan.reasonsForLiving.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
