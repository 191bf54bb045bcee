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

/** The draft's text fields; each control is named by its key. */
type TextKey = 'name' | 'phones' | 'birthYear' | 'centreId' | 'caseManager' | 'basisText' | 'basisAt' | 'cautionNote';

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

  // Care forms have plain labels (no grid class).
  const text = (key: TextKey) =>
    ({ frame: 'plain', name: key, value: d[key], onValue: (v: string) => set(key, v) }) as const;
  const caution = (key: 'weapon' | 'violence', name: string, label: string) => (
    <CheckField label={label} name={name} checked={d[key]} onChecked={(v) => set(key, v)} />
  );

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
      <TextField label={t.clients.name} {...text('name')} required maxLength={120} />
      <TextAreaField label={t.clients.phones} {...text('phones')} rows={2} />
      <TextField label={t.clients.birthYear} {...text('birthYear')} type="number" min={1900} max={2100} />
      {staff ? (
        <SelectField
          label={t.clients.centre}
          {...text('centreId')}
          name="centre"
          blank={t.clients.noCentre}
          options={(centres.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
      ) : null}
      <TextField label={t.clients.caseManager} {...text('caseManager')} maxLength={120} />
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
              {...text('basisText')}
              required={d.basisKind === 'consent'}
              maxLength={500}
            />
            <TextField label={t.clients.basisAt} {...text('basisAt')} type="datetime-local" required />
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t.clients.caution}</legend>
        {caution('weapon', 'cautionWeapon', t.clients.cautionWeapon)}
        {caution('violence', 'cautionViolence', t.clients.cautionViolence)}
        <TextField label={t.clients.cautionNote} {...text('cautionNote')} maxLength={200} />
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
