import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG } from '../common/tokens.js';
import { DomainError } from '../common/errors.js';
import type { AppConfig, GeocoderConfig } from '../config/config.js';
import { nominatimSearchUrl, parseNominatimAnswer, type NominatimPlace, type NominatimSearch } from './nominatim.js';
import { RequestSpacer } from './request-spacer.js';

const unavailable = (why: string) => new DomainError('SERVICE_UNAVAILABLE', `Address search unavailable: ${why}`);
const isTimeout = (e: unknown) => e instanceof DOMException && e.name === 'TimeoutError';

/**
 * The HTTP client of the configured Nominatim-compatible geocoder: a timeout, an identifying User-Agent, requests
 * spaced per the provider's usage policy, and every failure turned into a 503 (or a 429 when the provider asks us
 * to slow down). Logs carry the HTTP status only: never the query (an address is personal data) nor the URL
 * (it may hold a provider's key).
 */
@Injectable()
export class GeocoderClient {
  private readonly log = new Logger('Geocoder');
  private readonly settings: GeocoderConfig | null;
  private readonly spacer: RequestSpacer;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.geocoder;
    this.spacer = new RequestSpacer(config.geocoder?.minIntervalMs ?? 0);
  }

  get configured(): boolean {
    return this.settings !== null;
  }

  search(search: Omit<NominatimSearch, 'countryCodes'>): Promise<{ places: NominatimPlace[]; licence: string | null }> {
    const settings = this.settings;
    if (!settings) throw unavailable('no geocoder is configured (GEOCODER_URL)');
    return this.spacer.run(() => this.send(settings, { ...search, countryCodes: settings.countryCodes }));
  }

  private async send(settings: GeocoderConfig, search: NominatimSearch) {
    let response: Response;
    try {
      response = await fetch(nominatimSearchUrl(settings.url, search), {
        headers: { 'User-Agent': settings.userAgent, Accept: 'application/json' },
        signal: AbortSignal.timeout(settings.timeoutMs),
        redirect: 'error',
      });
    } catch (e) {
      throw this.failed(settings, isTimeout(e) ? 'timeout' : 'unreachable');
    }
    if (response.status === 429) {
      const retryAfter = Number(response.headers.get('retry-after'));
      const seconds = Number.isFinite(retryAfter) && retryAfter > 0 ? Math.min(retryAfter, 600) : 30;
      this.spacer.pause(seconds * 1000);
      this.log.warn(`geocoder asked to slow down for ${seconds} s`);
      throw new DomainError('RATE_LIMITED', 'The geocoder asked to slow down; try again shortly', undefined, seconds);
    }
    if (!response.ok) {
      this.log.warn(`geocoder answered HTTP ${response.status}`);
      throw unavailable(`the geocoder answered HTTP ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (e) {
      // The timeout covers the body too: a provider that stalls mid-answer is a timeout, not a bad answer.
      if (isTimeout(e)) throw this.failed(settings, 'timeout');
      body = undefined;
    }
    const answer = parseNominatimAnswer(body);
    if (!answer) {
      this.log.warn('geocoder answered with a body that is not a search result list');
      throw unavailable('the geocoder answered with an unexpected body');
    }
    return answer;
  }

  private failed(settings: GeocoderConfig, why: 'timeout' | 'unreachable'): DomainError {
    if (why === 'timeout') {
      this.log.warn(`geocoder timed out after ${settings.timeoutMs} ms`);
      return unavailable(`the geocoder did not answer within ${settings.timeoutMs} ms`);
    }
    this.log.warn('geocoder unreachable');
    return unavailable('the geocoder could not be reached');
  }
}
