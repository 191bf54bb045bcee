import type { AlertSeverity, Category, TeamStatus } from '#contracts';
import { useI18n } from '../i18n/i18n';
import { CATEGORY_SVG, SEVERITY_STYLE, TEAM_STATUS_STYLE } from './category-style';

export function CategoryBadge({
  category,
  size = 28,
  showLabel = false,
}: {
  category: Category;
  size?: number;
  showLabel?: boolean;
}) {
  const { t } = useI18n();
  return (
    <span className="category-badge" title={`${category}: ${t.category[category]}`} data-category={category}>
      <span
        className="category-shape"
        style={{ width: size, height: size }}
        dangerouslySetInnerHTML={{ __html: CATEGORY_SVG[category] }}
      />
      <span className={showLabel ? 'category-label' : 'visually-hidden'}>
        {showLabel ? t.category[category] : `${category}: ${t.category[category]}`}
      </span>
    </span>
  );
}

export function TeamStatusBadge({ status }: { status: TeamStatus }) {
  const { t } = useI18n();
  const s = TEAM_STATUS_STYLE[status];
  return (
    <span className="status-badge" data-status={status} style={{ background: s.color, color: s.ink }}>
      <span aria-hidden="true">{s.glyph}</span> {t.teamStatus[status]}
    </span>
  );
}

export function SeverityBadge({ severity }: { severity: AlertSeverity }) {
  const { t } = useI18n();
  const s = SEVERITY_STYLE[severity];
  return (
    <span className="status-badge" data-severity={severity} style={{ background: s.color, color: s.ink }}>
      <span aria-hidden="true">{s.glyph}</span> {t.alertSeverity[severity]}
    </span>
  );
}
