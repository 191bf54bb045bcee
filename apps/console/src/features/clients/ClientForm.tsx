import { useState, type FormEvent } from 'react';
import type { ClientBasisKind, ClientView, CreateClientRequest } from '#contracts';
import { useAuth, useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { CheckField, FormActions, SelectField, TextAreaField, TextField } from '../../common/fields';
import { useAction } from '../../common/use-action';
import { useLoad } from '../../common/use-load';
import { fromLines, localNow, localToIso, toLines } from './care-format';

interface Draft {
  name: string;
  phones: string;
  birthYear: string;
  centreId: string;
  caseManager: string;
  basisKind: ClientBasisKind;
  basisText: string;
  basisAt: string;
  /** Editing a record that has a basis: it is kept unless the user states a new one. */
  restateBasis: boolean;
  weapon: boolean;
  violence: boolean;
  cautionNote: string;
}

function draftOf(c: ClientView | null): Draft {
  return {
    name: c?.name ?? '',
    phones: fromLines(c?.phones),
    birthYear: c?.birthYear ? String(c.birthYear) : '',
    centreId: c?.registeredWithAgencyId ?? '',
    caseManager: c?.caseManager ?? '',
    basisKind: c?.basis?.kind ?? 'consent',
    basisText: '',
    basisAt: localNow(),
    restateBasis: !c?.basis,
    weapon: c?.caution.weapon ?? false,
    violence: c?.caution.violence ?? false,
    cautionNote: c?.caution.note ?? '',
  };
}

/** Registers a client or edits one: the legal basis (consent with its scope, or vital interest) is required. */
export function ClientForm({
  client,
  onSaved,
  onCancel,
}: {
  client: ClientView | null;
  onSaved: (c: ClientView) => void;
  onCancel: () => void;
}) {
  const { api } = useAuth();
  const user = useUser();
  const { t } = useI18n();
  const [d, setD] = useState<Draft>(() => draftOf(client));
  const { busy, failure, run } = useAction();
  const staff = user.role !== 'agency';
  // A centre registers people with itself only; the hotline picks the centre.
  const centres = useLoad(() => api.communityCentres(), staff ? 'centres' : null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const body: CreateClientRequest = {
      name: d.name.trim(),
      phones: toLines(d.phones),
      birthYear: d.birthYear ? Number(d.birthYear) : null,
      caseManager: d.caseManager.trim() || null,
      caution: { weapon: d.weapon, violence: d.violence, note: d.cautionNote.trim() },
      basis: {
        kind: d.basisKind,
        ...(d.basisKind === 'consent'
          ? { scope: d.basisText.trim() }
          : d.basisText.trim()
            ? { note: d.basisText.trim() }
            : {}),
        at: localToIso(d.basisAt),
      },
    };
    if (staff) body.registeredWithAgencyId = d.centreId || null;
    const { basis, ...rest } = body;
    void run(async () =>
      onSaved(client ? await api.updateClient(client.id, d.restateBasis ? body : rest) : await api.createClient(body)),
    );
  };

  return (
    <form className="care-form" onSubmit={submit} data-testid="client-form" aria-labelledby="client-form-title">
      <h3 id="client-form-title">{client ? t.clients.edit : t.clients.create}</h3>
      <TextField
        label={t.clients.name}
        frame="plain"
        name="name"
        value={d.name}
        onValue={(v) => set('name', v)}
        required
        maxLength={120}
      />
      <TextAreaField
        label={t.clients.phones}
        frame="plain"
        name="phones"
        value={d.phones}
        onValue={(v) => set('phones', v)}
        rows={2}
      />
      <TextField
        label={t.clients.birthYear}
        frame="plain"
        name="birthYear"
        type="number"
        min={1900}
        max={2100}
        value={d.birthYear}
        onValue={(v) => set('birthYear', v)}
      />
      {staff ? (
        <SelectField
          label={t.clients.centre}
          frame="plain"
          name="centre"
          value={d.centreId}
          onValue={(v) => set('centreId', v)}
          blank={t.clients.noCentre}
          options={(centres.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
      ) : null}
      <TextField
        label={t.clients.caseManager}
        frame="plain"
        name="caseManager"
        value={d.caseManager}
        onValue={(v) => set('caseManager', v)}
        maxLength={120}
      />
      <fieldset>
        <legend>{t.clients.basis}</legend>
        {client?.basis && !d.restateBasis ? (
          <button type="button" className="btn btn-small" onClick={() => set('restateBasis', true)}>
            {t.clients.basis}: {t.clients.basisKind[client.basis.kind]}
          </button>
        ) : (
          <>
            {(['consent', 'vital-interest'] as const).map((kind) => (
              <label key={kind} className="check">
                <input
                  type="radio"
                  name="basisKind"
                  value={kind}
                  checked={d.basisKind === kind}
                  onChange={() => set('basisKind', kind)}
                />
                <span>{t.clients.basisKind[kind]}</span>
              </label>
            ))}
            <TextField
              label={d.basisKind === 'consent' ? t.clients.basisScope : t.clients.basisNote}
              frame="plain"
              name="basisText"
              value={d.basisText}
              onValue={(v) => set('basisText', v)}
              required={d.basisKind === 'consent'}
              maxLength={500}
            />
            <TextField
              label={t.clients.basisAt}
              frame="plain"
              name="basisAt"
              type="datetime-local"
              value={d.basisAt}
              onValue={(v) => set('basisAt', v)}
              required
            />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t.clients.caution}</legend>
        <CheckField
          label={t.clients.cautionWeapon}
          name="cautionWeapon"
          checked={d.weapon}
          onChecked={(v) => set('weapon', v)}
        />
        <CheckField
          label={t.clients.cautionViolence}
          name="cautionViolence"
          checked={d.violence}
          onChecked={(v) => set('violence', v)}
        />
        <TextField
          label={t.clients.cautionNote}
          frame="plain"
          name="cautionNote"
          value={d.cautionNote}
          onValue={(v) => set('cautionNote', v)}
          maxLength={200}
        />
      </fieldset>
      <FormActions
        failure={failure}
        busy={busy}
        submitLabel={client ? t.clients.save : t.clients.create}
        onCancel={onCancel}
        className="care-actions"
      />
    </form>
  );
}
