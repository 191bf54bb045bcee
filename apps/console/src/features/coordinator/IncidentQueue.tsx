import { memo } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useEntry } from '../../realtime/realtime';
import { useSortedIds } from '../../realtime/use-sorted-ids';
import { CategoryBadge } from '../../common/badges';
import { ResponseClock } from '../../common/ResponseClock';
import { useShortcuts } from '../../common/use-shortcuts';
import { compareQueueKeys, queueKey } from './queue-model';

// Rendering thousands of rows would cost more than it tells anyone: the most pressing ones are shown.
const MAX_ROWS = 200;
const FRESH_MS = 2 * 60_000;

// Each row follows its own incident in the store: a change re-renders that row, and the list only when the order
// of its rows changes (issue 12: the whole queue re-rendered on every update).
const QueueRow = memo(function QueueRow({
  id,
  selected,
  regionName,
  onSelect,
}: {
  id: string;
  selected: boolean;
  regionName: (id: string | null) => string;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  const incident = useEntry('incidents', id);
  if (!incident) return null;
  // A new incident flashes (a few times, then stays still) as the tone sounds: issue 13 item 4.
  // eslint-disable-next-line react-hooks/purity -- read at render on purpose: each event re-renders the row, and the flash is a CSS animation that ends by itself
  const fresh = incident.status === 'open' && Date.now() - Date.parse(incident.createdAt) < FRESH_MS;
  return (
    <li
      className={fresh ? 'queue-item is-fresh' : 'queue-item'}
      data-fresh={fresh ? 'true' : undefined}
      data-testid="incident-row"
      data-incident-id={incident.id}
      data-number={incident.number}
      data-status={incident.status}
    >
      <button
        type="button"
        id={`incident-row-${incident.id}`}
        className={`queue-row${selected ? ' is-selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(incident.id)}
      >
        <CategoryBadge category={incident.category} />
        <span className="queue-main">
          <span className="queue-number">{incident.number}</span>
          <span className="queue-meta">
            {t.incidentStatus[incident.status]}
            {regionName(incident.regionId) ? ` · ${regionName(incident.regionId)}` : ''}
          </span>
        </span>
        <ResponseClock status={incident.status} respondBy={incident.respondBy} />
      </button>
    </li>
  );
});

const QueueRows = memo(function QueueRows({
  ids,
  selectedId,
  regionName,
  onSelect,
}: {
  ids: readonly string[];
  selectedId: string | null;
  regionName: (id: string | null) => string;
  onSelect: (id: string) => void;
}) {
  return (
    <ol className="queue-list">
      {ids.map((id) => (
        <QueueRow key={id} id={id} selected={id === selectedId} regionName={regionName} onSelect={onSelect} />
      ))}
    </ol>
  );
});

export function IncidentQueue({
  selectedId,
  onSelect,
  regionName,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
  regionName: (id: string | null) => string;
}) {
  const { t } = useI18n();
  const { shown, total, all } = useSortedIds('incidents', queueKey, compareQueueKeys, MAX_ROWS);

  const step = (delta: number) => {
    const queue = all();
    if (queue.length === 0) return;
    const index = queue.indexOf(selectedId ?? '');
    const next = queue[Math.min(queue.length - 1, Math.max(0, index === -1 ? 0 : index + delta))];
    onSelect(next);
    document.getElementById(`incident-row-${next}`)?.focus();
  };
  useShortcuts({ j: () => step(1), k: () => step(-1) });

  return (
    <section
      className="panel queue-panel"
      aria-labelledby="queue-title"
      data-testid="incident-queue"
      tabIndex={-1}
      id="incident-queue"
    >
      <h2 id="queue-title" className="panel-title">
        {t.queue.title} <span className="panel-count">{t.queue.count(total)}</span>
      </h2>
      {total === 0 ? <p className="empty-note">{t.queue.empty}</p> : null}
      <QueueRows ids={shown} selectedId={selectedId} regionName={regionName} onSelect={onSelect} />
      {total > MAX_ROWS ? <p className="empty-note">{t.queue.more(total - MAX_ROWS)}</p> : null}
    </section>
  );
}
