import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { parseResponseTimes, DEFAULT_RESPONSE_TIMES } from '#triage';
import type { LatLng, ResponseTimes } from '#contracts';

// Everything configurable comes from the environment once, here, so the rest of the code receives typed values
// and a bad variable stops the start with a message naming it instead of failing later at 3 a.m.

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl: string | null;
  /** Connections this instance keeps to PostgreSQL: at most `size`, and `min` of them opened at start and kept. */
  databasePool: DatabasePool;
  /** How many groups of incident creates may commit at once (database/group-commit.ts). */
  databaseWriteGroups: number;
  dataDir: string;
  adminPassword: string | null;
  demoData: boolean;
  jwtSecret: string | null;
  accessTokenMinutes: number;
  idleLogoffMinutes: number;
  loginMaxFailures: number;
  loginWindowMinutes: number;
  dispatchOfferSeconds: number;
  checkinMinutes: number;
  slaWarningMinutes: number;
  locationStaleMinutes: number;
  responseTimes: ResponseTimes;
  telephonySecret: string | null;
  webhookMaxAttempts: number;
  webhookRetryBaseSeconds: number;
  webhookTimeoutMs: number;
  centreTimezone: string;
  corsOrigins: string[];
  tileUrl: string | null;
  tileAttribution: string | null;
  mapCenter: LatLng;
  mapZoom: number;
  consoleDir: string;
  timerPollMs: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** HANDOFF_ANSWER_MINUTES: a handoff unanswered this long raises a `handoff-unanswered` alert. */
  handoffAnswerMinutes: number;
  /** Absolute lifetime of a login's refresh chain (SESSION_MAX_HOURS): one shift plus handover by default. */
  sessionMaxHours: number;
  /** Address search through a Nominatim-compatible geocoder (GEOCODER_*); null when GEOCODER_URL is unset. */
  geocoder: GeocoderConfig | null;
}

export interface DatabasePool {
  size: number;
  min: number;
}

export interface GeocoderConfig {
  /** Base URL: `/search` is appended to its path; its query (e.g. a provider's key) is kept on every request. */
  url: string;
  /** ISO 3166-1 alpha-2 codes, comma-separated, sent as `countrycodes`. */
  countryCodes: string;
  timeoutMs: number;
  /** Identifies the application to the provider, as Nominatim's usage policy asks (a contact helps). */
  userAgent: string;
  /** Least time between two requests to the provider, across all users of this instance. */
  minIntervalMs: number;
}

type Env = Record<string, string | undefined>;

export class ConfigError extends Error {}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new ConfigError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
}

function str(env: Env, name: string): string | null {
  const raw = env[name];
  return raw === undefined || raw.trim() === '' ? null : raw;
}

function latLng(env: Env, name: string, fallback: LatLng): LatLng {
  const raw = str(env, name);
  if (!raw) return fallback;
  const [lat, lng] = raw.split(',').map(Number);
  if (lat === undefined || lng === undefined || !Number.isFinite(lat) || !Number.isFinite(lng)) {
    throw new ConfigError(`${name} must be "lat,lng", got "${raw}"`);
  }
  return { lat, lng };
}

function httpUrl(env: Env, name: string): string | null {
  const raw = str(env, name)?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be an http(s) URL, got an unparseable value`);
  }
  // The URL may carry a provider's key, so a bad value is never echoed back.
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`${name} must be an http(s) URL`);
  return raw;
}

function geocoder(env: Env): GeocoderConfig | null {
  const url = httpUrl(env, 'GEOCODER_URL');
  if (!url) return null;
  const countryCodes = (str(env, 'GEOCODER_COUNTRY_CODES') ?? 'kr').trim().toLowerCase();
  if (!/^[a-z]{2}(,[a-z]{2})*$/.test(countryCodes))
    throw new ConfigError(
      `GEOCODER_COUNTRY_CODES must be two-letter country codes separated by commas, got "${countryCodes}"`,
    );
  return {
    url,
    countryCodes,
    timeoutMs: int(env, 'GEOCODER_TIMEOUT_MS', 5000, 100, 60_000),
    userAgent: str(env, 'GEOCODER_USER_AGENT')?.trim() ?? 'crisis-dispatch-console/0.1 (mental health crisis centre)',
    minIntervalMs: int(env, 'GEOCODER_MIN_INTERVAL_MS', 1000, 0, 60_000),
  };
}

function timeZone(env: Env, name: string, fallback: string): string {
  const raw = str(env, name) ?? fallback;
  try {
    new Intl.DateTimeFormat('en', { timeZone: raw });
  } catch {
    throw new ConfigError(`${name} must be an IANA time zone such as Asia/Seoul, got "${raw}"`);
  }
  return raw;
}

/**
 * About twice the database server's cores plus two, from 6 to 20: more connections than PostgreSQL can run at once
 * only add waiting, and every create's commit takes the event counter's row lock until its WAL flush is done, so
 * when each of 20 backends on a 2-core machine queued for it, a backend granted the lock waited for a core while
 * holding it and the creates' rate collapsed (docs/performance.md, seventh round). The cores counted are this
 * machine's: right when PostgreSQL runs beside the API, as the embedded one does; set DATABASE_POOL_SIZE for a
 * database server of its own.
 */
export function defaultPoolSize(cores: number): number {
  return Math.min(20, Math.max(6, 2 * cores + 2));
}

function databasePool(env: Env): DatabasePool {
  const size = int(env, 'DATABASE_POOL_SIZE', defaultPoolSize(availableParallelism()), 2, 500);
  // Fixed-size by default: a surge finds its connections open instead of paying for new ones (a backend started,
  // SCRAM on both sides, every statement prepared again) at the moment it is busiest.
  const min = int(env, 'DATABASE_POOL_MIN', size, 0, 500);
  if (min > size) throw new ConfigError(`DATABASE_POOL_MIN (${min}) must not exceed DATABASE_POOL_SIZE (${size})`);
  return { size, min };
}

/**
 * Two groups committing at once keep both cores of a small machine busy; the creates that arrive meanwhile share the
 * next group's commit (docs/performance.md, twelfth round). Never more than the pool: the rest of the API needs it.
 */
function writeGroups(env: Env, size: number): number {
  const groups = int(env, 'DATABASE_WRITE_GROUPS', 2, 1, 500);
  if (groups > size)
    throw new ConfigError(`DATABASE_WRITE_GROUPS (${groups}) must not exceed DATABASE_POOL_SIZE (${size})`);
  return groups;
}

export function loadConfig(env: Env = process.env, defaultConsoleDir = resolve('dist/console')): AppConfig {
  const databaseUrl = str(env, 'DATABASE_URL');
  let responseTimes: ResponseTimes = DEFAULT_RESPONSE_TIMES;
  const rt = str(env, 'TRIAGE_RESPONSE_MINUTES');
  if (rt) {
    try {
      responseTimes = parseResponseTimes(rt);
    } catch (e) {
      throw new ConfigError(`TRIAGE_RESPONSE_MINUTES: ${(e as Error).message}`);
    }
  }
  const logLevel = (str(env, 'LOG_LEVEL') ?? 'log') as AppConfig['logLevel'];
  const pool = databasePool(env);
  if (!['error', 'warn', 'log', 'debug'].includes(logLevel))
    throw new ConfigError('LOG_LEVEL must be error, warn, log or debug');
  return {
    port: int(env, 'PORT', 3000, 0, 65535),
    host: str(env, 'HOST') ?? '0.0.0.0',
    databaseUrl,
    databasePool: pool,
    databaseWriteGroups: writeGroups(env, pool.size),
    dataDir: resolve(str(env, 'DATA_DIR') ?? './.data'),
    adminPassword: str(env, 'ADMIN_PASSWORD'),
    // Demo data only by default on the embedded database: a real server must never get fake people by accident.
    demoData: bool(env, 'DEMO_DATA', databaseUrl === null),
    jwtSecret: str(env, 'JWT_SECRET'),
    accessTokenMinutes: int(env, 'ACCESS_TOKEN_MINUTES', 15, 1, 24 * 60),
    idleLogoffMinutes: int(env, 'IDLE_LOGOFF_MINUTES', 15, 1, 24 * 60),
    loginMaxFailures: int(env, 'LOGIN_MAX_FAILURES', 5, 1, 1000),
    loginWindowMinutes: int(env, 'LOGIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    dispatchOfferSeconds: int(env, 'DISPATCH_OFFER_SECONDS', 60, 5, 3600),
    checkinMinutes: int(env, 'CHECKIN_MINUTES', 15, 1, 240),
    slaWarningMinutes: int(env, 'SLA_WARNING_MINUTES', 15, 0, 24 * 60),
    locationStaleMinutes: int(env, 'LOCATION_STALE_MINUTES', 30, 1, 24 * 60),
    responseTimes,
    telephonySecret: str(env, 'TELEPHONY_SECRET'),
    webhookMaxAttempts: int(env, 'WEBHOOK_MAX_ATTEMPTS', 8, 1, 50),
    webhookRetryBaseSeconds: int(env, 'WEBHOOK_RETRY_BASE_SECONDS', 10, 1, 3600),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    centreTimezone: timeZone(env, 'CENTRE_TIMEZONE', 'Asia/Seoul'),
    corsOrigins: (str(env, 'CORS_ORIGINS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    tileUrl: str(env, 'MAP_TILE_URL'),
    tileAttribution: str(env, 'MAP_TILE_ATTRIBUTION'),
    mapCenter: latLng(env, 'MAP_CENTER', { lat: 37.5665, lng: 126.978 }),
    mapZoom: int(env, 'MAP_ZOOM', 11, 1, 19),
    consoleDir: resolve(str(env, 'CONSOLE_DIR') ?? defaultConsoleDir),
    timerPollMs: int(env, 'TIMER_POLL_MS', 1000, 50, 60000),
    logLevel,
    handoffAnswerMinutes: int(env, 'HANDOFF_ANSWER_MINUTES', 10, 1, 24 * 60),
    sessionMaxHours: int(env, 'SESSION_MAX_HOURS', 14, 1, 24 * 7),
    geocoder: geocoder(env),
  };
}
