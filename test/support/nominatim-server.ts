import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP server answering Nominatim's `/search?format=jsonv2` from a small gazetteer, standing in for a centre's
// geocoder (its own Nominatim or a commercial compatible one). Some queries script a failure: "느린" (slow) answers
// after `slowMs`, "깨진" (broken) answers HTML, "고장" (out of order) answers 500, "과부하" (overloaded) answers 429.

/** A place, with its `display_name` in each language: name, building number, road, district, city, postcode, country. */
export interface GazetteerPlace {
  lat: number;
  lon: number;
  ko: string;
  en: string;
}

/** Places around Seoul; the last is in Busan, outside any Seoul region. */
export const GAZETTEER: GazetteerPlace[] = [
  {
    lat: 37.5662952,
    lon: 126.9779451,
    ko: '서울특별시청, 110, 세종대로, 중구, 서울특별시, 04524, 대한민국',
    en: 'Seoul City Hall, 110, Sejong-daero, Jung-gu, Seoul, 04524, South Korea',
  },
  {
    lat: 37.5125701,
    lon: 127.1025624,
    ko: '롯데월드타워, 300, 올림픽로, 잠실동, 송파구, 서울특별시, 05551, 대한민국',
    en: 'Lotte World Tower, 300, Olympic-ro, Jamsil-dong, Songpa-gu, Seoul, 05551, South Korea',
  },
  {
    lat: 37.5546788,
    lon: 126.9706069,
    ko: '서울역, 405, 한강대로, 중구, 서울특별시, 04509, 대한민국',
    en: 'Seoul Station, 405, Hangang-daero, Jung-gu, Seoul, 04509, South Korea',
  },
  {
    lat: 35.1798,
    lon: 129.075,
    ko: '부산광역시청, 1001, 중앙대로, 연제구, 부산광역시, 47545, 대한민국',
    en: 'Busan City Hall, 1001, Jungang-daero, Yeonje-gu, Busan, 47545, South Korea',
  },
];

export const LICENCE = 'Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright';

export interface GeocoderRequest {
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  at: number;
}

export interface FakeNominatim {
  url: string;
  requests: GeocoderRequest[];
  close(): Promise<void>;
}

/**
 * What a search must contain to find a place (any one): its road and building number as its address gives them, in
 * Korean or romanized in lower case ("세종대로 110", "sejong-daero 110").
 */
function searchKeys(place: GazetteerPlace): string[] {
  return [place.ko, place.en.toLowerCase()].map((address) => {
    const [, number, road] = address.split(', ');
    return `${road} ${number}`;
  });
}

function jsonv2(place: GazetteerPlace, lang: string, index: number) {
  const name = (lang.startsWith('en') ? place.en : place.ko).split(',')[0];
  return {
    place_id: 1000 + index,
    licence: LICENCE,
    osm_type: 'way',
    osm_id: 5000 + index,
    lat: String(place.lat),
    lon: String(place.lon),
    category: 'building',
    type: 'yes',
    place_rank: 30,
    importance: 0.4,
    addresstype: 'building',
    name,
    display_name: lang.startsWith('en') ? place.en : place.ko,
    boundingbox: [place.lat - 0.001, place.lat + 0.001, place.lon - 0.001, place.lon + 0.001].map(String),
  };
}

/**
 * Starts on port 0 (a free port); `slowMs` is how long the "slow" query takes. With `scriptedFailures: false` every
 * query is answered from the gazetteer (for tests that send arbitrary text).
 */
export async function startFakeNominatim(slowMs = 3000, scriptedFailures = true): Promise<FakeNominatim> {
  const requests: GeocoderRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const query = Object.fromEntries(url.searchParams);
    requests.push({ path: url.pathname, query, headers: req.headers, at: Date.now() });
    const q = (query.q ?? '').toLowerCase();
    const json = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
    if (url.pathname !== '/search') return json(404, { error: 'not found' });
    if (query.format !== 'jsonv2') return json(400, { error: 'format' });
    if (scriptedFailures && q.includes('느린')) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        if (!res.destroyed) json(200, []);
      }, slowMs);
      timers.add(timer);
      return;
    }
    if (scriptedFailures && q.includes('깨진'))
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html>oops</html>');
    if (scriptedFailures && q.includes('고장')) return json(500, { error: 'internal' });
    if (scriptedFailures && q.includes('과부하')) return void res.writeHead(429, { 'retry-after': '1' }).end();
    const lang = query['accept-language'] ?? 'en';
    const limit = Number(query.limit ?? 10);
    const found = GAZETTEER.map((p, i) => ({ p, i }))
      .filter(({ p }) => searchKeys(p).some((k) => q.includes(k)))
      .slice(0, limit)
      .map(({ p, i }) => jsonv2(p, lang, i));
    json(200, found);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const t of timers) clearTimeout(t);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
