import { useState, type FormEvent } from 'react';
import { AGENCY_KINDS, type AgencyAdminView, type LatLng } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { choicesOf, SelectField, TextField, useFieldValues } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { AdminForm } from './AdminList';
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
  const { values, bind } = useFieldValues({
    code: agency?.code ?? '',
    kind: agency?.kind ?? 'hospital',
    name: agency?.name ?? '',
    contact: agency?.contact ?? '',
    webhookUrl: agency?.webhookUrl ?? '',
  });
  const [regionIds, setRegionIds] = useState<string[]>(agency?.regionIds ?? []);
  const [location, setLocation] = useState<LatLng | null>(agency?.location ?? null);
  const { busy, failure, run, showFailure } = useAction();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!location) return showFailure(t.centre.locationRequired);
    const { code, kind, name, contact, webhookUrl } = values;
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
    <AdminForm
      id="agency-form"
      title={agency ? t.centre.editAgency(agency.name) : t.centre.newAgency}
      onSubmit={submit}
      busy={busy}
      failure={failure}
      submitLabel={agency ? t.app.save : t.centre.createAgency}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <TextField label={t.centre.agencyCode} {...bind('code')} maxLength={64} required disabled={agency !== null} />
        <SelectField label={t.centre.agencyKind} {...bind('kind')} options={choicesOf(AGENCY_KINDS, t.agencyKind)} />
        <TextField label={t.centre.agencyName} frame="wide" {...bind('name')} maxLength={200} required />
        <TextField label={t.centre.contact} {...bind('contact')} maxLength={200} />
        <TextField label={t.centre.webhookUrl} {...bind('webhookUrl')} type="url" placeholder="https://" />
      </div>
      <CheckboxGroup
        name="regions"
        legend={t.centre.regionsServed}
        options={regions.map((r) => ({ value: r.id, label: r.name }))}
        value={regionIds}
        onChange={setRegionIds}
      />
      <MapPointField legend={t.centre.location} value={location} onChange={setLocation} />
    </AdminForm>
  );
}
