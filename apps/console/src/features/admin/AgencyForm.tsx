import { useState, type FormEvent } from 'react';
import { AGENCY_KINDS, type AgencyAdminView, type AgencyKind, type LatLng } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { CheckboxGroup, MapPointField } from './MapPointField';
import type { RegionOption } from './TeamForm';

/** What a save answers; a new agency with a webhook URL carries its signing secret once (see the partners API). */
export type SavedAgency = AgencyAdminView & { webhookSecret?: string };

/** Creates or edits a partner agency: kind, name, regions served, location, contact line, webhook URL. */
export function AgencyForm({
  agency,
  regions,
  onSaved,
  onCancel,
}: {
  agency: AgencyAdminView | null;
  regions: RegionOption[];
  onSaved: (a: SavedAgency) => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const { t } = useI18n();
  const [code, setCode] = useState(agency?.code ?? '');
  const [kind, setKind] = useState<AgencyKind>(agency?.kind ?? 'hospital');
  const [name, setName] = useState(agency?.name ?? '');
  const [regionIds, setRegionIds] = useState<string[]>(agency?.regionIds ?? []);
  const [location, setLocation] = useState<LatLng | null>(agency?.location ?? null);
  const [contact, setContact] = useState(agency?.contact ?? '');
  const [webhookUrl, setWebhookUrl] = useState(agency?.webhookUrl ?? '');
  const { busy, failure, run, showFailure } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!location) return showFailure(t.centre.locationRequired);
    const common = { kind, name: name.trim(), regionIds, location };
    void run(async () => {
      const saved = agency
        ? await api.patchAgency(agency.id, {
            ...common,
            contact: contact.trim() || null,
            webhookUrl: webhookUrl.trim() || null,
          })
        : await api.createAgency({
            ...common,
            code: code.trim(),
            ...(contact.trim() ? { contact: contact.trim() } : {}),
            ...(webhookUrl.trim() ? { webhookUrl: webhookUrl.trim() } : {}),
          });
      onSaved(saved);
    });
  };

  return (
    <form className="panel admin-form" onSubmit={submit} aria-labelledby="agency-form-title" data-testid="agency-form">
      <h2 id="agency-form-title" className="panel-title">
        {agency ? t.centre.editAgency(agency.name) : t.centre.newAgency}
      </h2>
      <div className="form-grid">
        <label className="field">
          <span>{t.centre.agencyCode}</span>
          <input
            name="code"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            maxLength={64}
            required
            disabled={agency !== null}
          />
        </label>
        <label className="field">
          <span>{t.centre.agencyKind}</span>
          <select name="kind" value={kind} onChange={(e) => setKind(e.target.value as AgencyKind)}>
            {AGENCY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t.agencyKind[k]}
              </option>
            ))}
          </select>
        </label>
        <label className="field field-wide">
          <span>{t.centre.agencyName}</span>
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} maxLength={200} required />
        </label>
        <label className="field">
          <span>{t.centre.contact}</span>
          <input name="contact" value={contact} onChange={(e) => setContact(e.target.value)} maxLength={200} />
        </label>
        <label className="field">
          <span>{t.centre.webhookUrl}</span>
          <input
            name="webhookUrl"
            type="url"
            value={webhookUrl}
            onChange={(e) => setWebhookUrl(e.target.value)}
            placeholder="https://"
          />
        </label>
      </div>
      <CheckboxGroup
        name="regions"
        legend={t.centre.regionsServed}
        options={regions.map((r) => ({ value: r.id, label: r.name }))}
        value={regionIds}
        onChange={setRegionIds}
      />
      <MapPointField legend={t.centre.location} value={location} onChange={setLocation} />
      <FailureNote failure={failure} testId="agency-form-failure" />
      <div className="row-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {agency ? t.app.save : t.centre.createAgency}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
