import { useState, type FormEvent } from 'react';
import type { ClientSearchItem } from '#contracts';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n/i18n';
import { FailureNote } from '../../common/FailureNote';
import { useAction } from '../../common/use-action';
import { CautionChips } from './CautionChips';
import { ClientForm } from './ClientForm';
import { ClientRecord } from './ClientRecord';
import './care.css';
import { localName } from '../../common/local-name';

/**
 * The client registry: search by name or phone (any format), register, open a record. A community centre's user
 * sees only the centre's own clients (the API decides); every search and opening is an audited read.
 */
export function ClientsPage({ inPortal = false }: { inPortal?: boolean }) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<ClientSearchItem[] | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const { busy, failure, run } = useAction();

  const search = (text: string) => run(async () => setResults(await api.searchClients(text.trim())));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void search(query);
  };

  return (
    <div className="care-layout" data-testid="clients-page">
      <section
        className="care-panel"
        aria-labelledby={inPortal ? undefined : 'clients-title'}
        aria-label={inPortal ? t.clients.search : undefined}
      >
        {inPortal ? null : <h2 id="clients-title">{t.clients.title}</h2>}
        <form role="search" onSubmit={submit} className="care-form">
          <label>
            <span>{t.clients.search}</span>
            <input
              name="q"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              aria-describedby="clients-search-hint"
              autoComplete="off"
            />
          </label>
          <p id="clients-search-hint" className="hint">
            {t.clients.searchHint}
          </p>
          <div className="care-actions">
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t.clients.searchButton}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setCreating(true);
                setOpenId(null);
              }}
            >
              {t.clients.newClient}
            </button>
          </div>
        </form>
        <FailureNote failure={failure} />
        {results ? (
          <p role="status" data-testid="client-result-count">
            {results.length ? t.clients.results(results.length) : t.clients.noResults}
          </p>
        ) : null}
        <ul className="client-results" data-testid="client-results">
          {(results ?? []).map((c) => (
            <li key={c.id} data-testid="client-result" data-client-id={c.id}>
              <button
                type="button"
                className="btn"
                aria-current={openId === c.id ? 'true' : undefined}
                onClick={() => {
                  setCreating(false);
                  setOpenId(c.id);
                }}
              >
                <strong>{localName(c.name, lang)}</strong> {c.birthYear ? `(${c.birthYear})` : ''} · {c.phone ?? '—'}
              </button>
              <CautionChips caution={c.caution} />
            </li>
          ))}
        </ul>
      </section>
      <div>
        {creating ? (
          <section className="care-panel">
            <ClientForm
              client={null}
              onSaved={(c) => {
                setCreating(false);
                setOpenId(c.id);
              }}
              onCancel={() => setCreating(false)}
            />
          </section>
        ) : null}
        {openId ? (
          <ClientRecord
            key={openId}
            clientId={openId}
            onClose={() => setOpenId(null)}
            onChanged={() => results && void search(query)}
          />
        ) : null}
      </div>
    </div>
  );
}

/** The centre's own clients as a section of the partner portal (the API limits the registry to them). */
export function ClientsSection() {
  return <ClientsPage inPortal />;
}
