import { useState, type FormEvent } from 'react';
import type { ClientBasisKind, ClientView, CreateClientRequest } from '#contracts';
import { useAuth, useUser } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
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
      <label>
        <span>{t.clients.name}</span>
        <input name="name" value={d.name} onChange={(e) => set('name', e.target.value)} required maxLength={120} />
      </label>
      <label>
        <span>{t.clients.phones}</span>
        <textarea name="phones" value={d.phones} onChange={(e) => set('phones', e.target.value)} rows={2} />
      </label>
      <label>
        <span>{t.clients.birthYear}</span>
        <input
          name="birthYear"
          type="number"
          min={1900}
          max={2100}
          value={d.birthYear}
          onChange={(e) => set('birthYear', e.target.value)}
        />
      </label>
      {staff ? (
        <label>
          <span>{t.clients.centre}</span>
          <select name="centre" value={d.centreId} onChange={(e) => set('centreId', e.target.value)}>
            <option value="">{t.clients.noCentre}</option>
            {(centres.data ?? []).map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        <span>{t.clients.caseManager}</span>
        <input
          name="caseManager"
          value={d.caseManager}
          onChange={(e) => set('caseManager', e.target.value)}
          maxLength={120}
        />
      </label>
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
            <label>
              <span>{d.basisKind === 'consent' ? t.clients.basisScope : t.clients.basisNote}</span>
              <input
                name="basisText"
                value={d.basisText}
                onChange={(e) => set('basisText', e.target.value)}
                required={d.basisKind === 'consent'}
                maxLength={500}
              />
            </label>
            <label>
              <span>{t.clients.basisAt}</span>
              <input
                name="basisAt"
                type="datetime-local"
                value={d.basisAt}
                onChange={(e) => set('basisAt', e.target.value)}
                required
              />
            </label>
          </>
        )}
      </fieldset>
      <fieldset>
        <legend>{t.clients.caution}</legend>
        <label className="check">
          <input
            type="checkbox"
            name="cautionWeapon"
            checked={d.weapon}
            onChange={(e) => set('weapon', e.target.checked)}
          />
          <span>{t.clients.cautionWeapon}</span>
        </label>
        <label className="check">
          <input
            type="checkbox"
            name="cautionViolence"
            checked={d.violence}
            onChange={(e) => set('violence', e.target.checked)}
          />
          <span>{t.clients.cautionViolence}</span>
        </label>
        <label>
          <span>{t.clients.cautionNote}</span>
          <input
            name="cautionNote"
            value={d.cautionNote}
            onChange={(e) => set('cautionNote', e.target.value)}
            maxLength={200}
          />
        </label>
      </fieldset>
      <FailureNote failure={failure} />
      <div className="care-actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {client ? t.clients.save : t.clients.create}
        </button>
        <button type="button" className="btn" onClick={onCancel}>
          {t.app.cancel}
        </button>
      </div>
    </form>
  );
}
