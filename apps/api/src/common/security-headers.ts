import type express from 'express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/**
 * The CSP source for a tile URL template such as `https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png`: its scheme and
 * host, with a `{…}` placeholder in the host as a wildcard label. Null when the template is not an http(s) URL.
 */
export function tileSource(tileUrl: string | null): string | null {
  if (!tileUrl) return null;
  const m = /^(https?):\/\/([^/?#]+)/i.exec(tileUrl.trim());
  if (!m) return null;
  const host = m[2].replace(/\{[^}]*\}/g, '*');
  // A wildcard is allowed only as the leftmost label in CSP; anything else falls back to the exact host part.
  if (!/^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/.test(host)) return null;
  return `${m[1].toLowerCase()}://${host.toLowerCase()}`;
}

/** The console's Content-Security-Policy directives: same origin only, no inline script, tiles only when configured. */
export function consoleCspDirectives(tileUrl: string | null): Record<string, string[]> {
  const tiles = tileSource(tileUrl);
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    // Style attributes only (Leaflet's markers and the React components position things with them); style sheets
    // still come from our origin alone, and no script is ever inline.
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', ...(tiles ? [tiles] : [])],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/**
 * Response headers from helmet (a maintained library) instead of by hand: CSP for the console and the API, nosniff,
 * no referrer, frame denial, HSTS, cross-origin policies. Swagger UI (/api/docs) needs inline script, so it gets
 * every header but the CSP.
 */
export function applySecurityHeaders(http: express.Express, tileUrl: string | null): void {
  http.use(
    helmet({
      contentSecurityPolicy: false,
      // Map tiles come from another origin without CORP headers; requiring them would blank the map.
      crossOriginEmbedderPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
      frameguard: { action: 'deny' },
    }),
  );
  const csp = helmet.contentSecurityPolicy({ useDefaults: false, directives: consoleCspDirectives(tileUrl) });
  http.use((req: Request, res: Response, next: NextFunction) =>
    req.path.startsWith('/api/docs') ? next() : csp(req, res, next),
  );
}
