import { useState, type FormEvent } from 'react';
import type { GeocodeAnswer, GeocodedPlace } from '#contracts';
import { useAuth } from '../../auth/auth';
import { ApiError } from '../../api/http';
import { useI18n, type Language } from '../../i18n/i18n';
import type { Messages } from '../../i18n/en';
import { useRegions } from '../map/use-regions';

/** The reader's words for a failed search, from the error code; `down` when the district picker should take over. */
function searchProblem(error: unknown, t: Messages): { message: string; down: boolean } {
  const code = error instanceof ApiError ? error.body?.code : undefined;
  if (code === 'VALIDATION_FAILED') return { message: t.location.searchTooShort, down: false };
  if (code === 'RATE_LIMITED') return { message: t.location.searchBusy, down: false };
  if (code === 'SERVICE_UNAVAILABLE') return { message: t.location.searchUnavailable, down: true };
  return { message: t.app.error, down: false };
}

/**
 * Address search through the centre's geocoder: one search per Enter (never per keystroke: the provider's usage
 * policy), results inside the centre's districts, the data licence shown with them.
 */
export function AddressSearch({
  onPick,
  onAvailability,
}: {
  onPick: (place: GeocodedPlace) => void;
  onAvailability: (up: boolean) => void;
}) {
  const { api } = useAuth();
  const { t, lang } = useI18n();
  const { regionName } = useRegions();
  const [q, setQ] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<GeocodeAnswer | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const search = async (query: string, language: Language) => {
    setBusy(true);
    setProblem(null);
    setAnswer(null);
    try {
      setAnswer(await api.geocode(query, language));
      onAvailability(true);
    } catch (e) {
      const { message, down } = searchProblem(e, t);
      setProblem(message);
      if (down) onAvailability(false);
    } finally {
      setBusy(false);
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (q.trim().length < 2) setProblem(t.location.searchTooShort);
    else void search(q.trim(), lang);
  };
  const described = ['address-search-help', problem ? 'address-search-problem' : ''].filter(Boolean).join(' ');
  return (
    <form role="search" className="address-search field-wide" aria-label={t.location.search} onSubmit={submit}>
      <div className="address-search-row">
        <label className="field">
          <span>{t.location.search}</span>
          <input
            name="address-search"
            type="search"
            value={q}
            maxLength={200}
            autoComplete="off"
            onChange={(e) => setQ(e.target.value)}
            aria-describedby={described}
            aria-invalid={problem !== null}
          />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t.location.searching : t.location.searchButton}
        </button>
      </div>
      <p className="hint" id="address-search-help">
        {t.location.searchHelp}
      </p>
      {problem ? (
        <p className="error" role="alert" id="address-search-problem" data-testid="address-search-problem">
          {problem}
        </p>
      ) : null}
      <p role="status" className="hint" data-testid="address-search-status">
        {answer ? (answer.results.length ? t.location.results(answer.results.length) : t.location.noResults) : ''}
      </p>
      {answer?.results.length ? (
        <ul className="address-results" data-testid="address-results">
          {answer.results.map((place) => (
            <li key={`${place.lat},${place.lng},${place.label}`}>
              <button type="button" className="btn btn-quiet address-result" onClick={() => onPick(place)}>
                {place.label}
                {place.regionId ? ` · ${regionName(place.regionId)}` : ''}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {answer?.attribution ? <p className="attribution">{answer.attribution}</p> : null}
    </form>
  );
}
