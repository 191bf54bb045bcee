import { memo, useMemo } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { IncidentEntry } from '../../realtime/event-store';
import { useEntities } from '../../realtime/realtime';
import { CategoryBadge } from '../../common/badges';
import { ResponseClock } from '../../common/ResponseClock';
import { useShortcuts } from '../../common/use-shortcuts';
import { incidentQueue } from './queue-model';

// Rendering thousands of rows would cost more than it tells anyone: the most pressing ones are shown.
const MAX_ROWS = 200;
const FRESH_MS = 2 * 60_000;

const QueueRow = memo(function QueueRow({
  incident,
  selected,
  regionName,
  onSelect,
}: {
  incident: IncidentEntry;
  selected: boolean;
  regionName: string;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
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
            {regionName ? ` · ${regionName}` : ''}
          </span>
        </span>
        <ResponseClock status={incident.status} respondBy={incident.respondBy} />
      </button>
    </li>
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
  const { map, version } = useEntities('incidents');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the store mutates the map in place; `version` is what changes
  const queue = useMemo(() => incidentQueue(map.values()), [map, version]);

  const step = (delta: number) => {
    if (queue.length === 0) return;
    const index = queue.findIndex((i) => i.id === selectedId);
    const next = queue[Math.min(queue.length - 1, Math.max(0, index === -1 ? 0 : index + delta))];
    onSelect(next.id);
    document.getElementById(`incident-row-${next.id}`)?.focus();
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
        {t.queue.title} <span className="panel-count">{t.queue.count(queue.length)}</span>
      </h2>
      {queue.length === 0 ? <p className="empty-note">{t.queue.empty}</p> : null}
      <ol className="queue-list">
        {queue.slice(0, MAX_ROWS).map((incident) => (
          <QueueRow
            key={incident.id}
            incident={incident}
            selected={incident.id === selectedId}
            regionName={regionName(incident.regionId)}
            onSelect={onSelect}
          />
        ))}
      </ol>
      {queue.length > MAX_ROWS ? <p className="empty-note">{t.queue.more(queue.length - MAX_ROWS)}</p> : null}
    </section>
  );
}
