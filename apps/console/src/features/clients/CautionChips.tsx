import type { ClientCaution } from '#contracts';
import { useI18n } from '../../i18n/i18n';
import './care.css';

/** A client's cautions as responders and partners see them: weapon, violence, a note; never a diagnosis. */
export function CautionChips({ caution }: { caution: ClientCaution }) {
  const { t } = useI18n();
  const chips = [
    caution.weapon ? t.clients.cautionWeapon : null,
    caution.violence ? t.clients.cautionViolence : null,
    caution.note,
  ].filter(Boolean);
  if (chips.length === 0) return null;
  return (
    <span data-testid="caution">
      {chips.map((c) => (
        <span key={c} className="caution-chip">
          ⚠ {c}
        </span>
      ))}
    </span>
  );
}
