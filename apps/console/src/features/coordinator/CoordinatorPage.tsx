import { memo, useCallback, useState } from 'react';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { useStore } from '../../realtime/realtime';
import { useOnSynced } from '../../realtime/use-on-synced';
import { useShortcuts } from '../../common/use-shortcuts';
import { DispatchMap } from '../map/DispatchMap';
import { HospitalLayer } from '../map/HospitalLayer';
import { IncidentLayer } from '../map/IncidentLayer';
import { TeamLayer } from '../map/TeamLayer';
import { useRegions } from '../map/use-regions';
import { AlertsPanel } from './AlertsPanel';
import { IncidentDetailPanel } from './IncidentDetailPanel';
import { IncidentQueue } from './IncidentQueue';
import { TeamBoard } from './TeamBoard';

// The map re-renders only when the selection changes; markers follow the store on their own.
const CoordinatorMap = memo(function CoordinatorMap({
  selectedId,
  onSelect,
}: {
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const { t } = useI18n();
  return (
    <DispatchMap shadeRegions className="coordinator-map" note={t.map.canvasNote}>
      <TeamLayer />
      <HospitalLayer />
      <IncidentLayer selectedId={selectedId} onSelect={onSelect} />
    </DispatchMap>
  );
});

function focusById(id: string) {
  const el = document.getElementById(id);
  const target = el?.querySelector<HTMLElement>('button, [tabindex="0"]') ?? el;
  target?.focus();
}

export function CoordinatorPage() {
  const { api } = useAuth();
  const store = useStore();
  const { regionName } = useRegions();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const select = useCallback((id: string) => setSelectedId(id), []);

  // The snapshots were loaded at login (realtime/snapshot.ts). Alerts have no "acknowledged" event, so the open
  // list is re-read after every catch-up to learn of acknowledgements made elsewhere.
  useOnSynced(async () => {
    const asOf = store.lastSeq;
    store.reconcileOpenAlerts(await api.openAlerts(), asOf);
  });

  useShortcuts({
    'alt+1': () => focusById('incident-queue'),
    'alt+2': () => document.querySelector<HTMLElement>('.leaflet-container')?.focus(),
    'alt+3': () => document.getElementById('team-board')?.focus(),
    'alt+4': () => focusById('alerts-panel'),
    escape: () => setSelectedId(null),
  });

  return (
    <div className="coordinator-layout">
      <IncidentQueue selectedId={selectedId} onSelect={select} regionName={regionName} />
      <div className="coordinator-center">
        <CoordinatorMap selectedId={selectedId} onSelect={select} />
        {selectedId ? (
          <div className="detail-drawer">
            <IncidentDetailPanel
              key={selectedId}
              incidentId={selectedId}
              onClose={() => setSelectedId(null)}
              regionName={regionName}
            />
          </div>
        ) : null}
      </div>
      <div className="coordinator-side">
        <AlertsPanel onShowIncident={select} />
        <TeamBoard regionName={regionName} />
      </div>
    </div>
  );
}
