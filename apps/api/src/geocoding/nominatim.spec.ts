import { nominatimSearchUrl, parseNominatimAnswer } from './nominatim.js';

describe('nominatimSearchUrl', () => {
  it('appends /search to the base path and keeps a key already in the query', () => {
    const url = nominatimSearchUrl('https://geo.example.org/v1/?key=abc', {
      q: '세종대로 110',
      limit: 5,
      countryCodes: 'kr',
      language: 'ko',
      viewbox: [126.76, 37.41, 127.18, 37.7],
    });
    expect(url.origin + url.pathname).toBe('https://geo.example.org/v1/search');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      key: 'abc',
      q: '세종대로 110',
      format: 'jsonv2',
      countrycodes: 'kr',
      limit: '5',
      'accept-language': 'ko',
      viewbox: '126.76,37.41,127.18,37.7',
      bounded: '1',
    });
  });

  it('leaves the search unbounded when the centre has no regions', () => {
    const url = nominatimSearchUrl('http://127.0.0.1:8080', {
      q: 'x',
      limit: 1,
      countryCodes: 'kr,jp',
      language: 'en',
      viewbox: null,
    });
    expect(url.pathname).toBe('/search');
    expect(url.searchParams.has('viewbox')).toBe(false);
    expect(url.searchParams.has('bounded')).toBe(false);
    expect(url.searchParams.get('countrycodes')).toBe('kr,jp');
  });
});

describe('parseNominatimAnswer', () => {
  it('reads jsonv2 places with string coordinates and the licence', () => {
    expect(
      parseNominatimAnswer([
        {
          place_id: 1,
          licence: 'Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright',
          osm_type: 'way',
          osm_id: 2,
          lat: '37.5662952',
          lon: '126.9779451',
          category: 'amenity',
          type: 'townhall',
          place_rank: 30,
          importance: 0.5,
          addresstype: 'amenity',
          name: '서울특별시청',
          display_name: '서울특별시청, 110, 세종대로, 중구, 서울특별시, 04524, 대한민국',
          boundingbox: ['37.565', '37.567', '126.977', '126.979'],
        },
      ]),
    ).toEqual({
      places: [
        { label: '서울특별시청, 110, 세종대로, 중구, 서울특별시, 04524, 대한민국', lat: 37.5662952, lng: 126.9779451 },
      ],
      licence: 'Data © OpenStreetMap contributors, ODbL 1.0. https://osm.org/copyright',
    });
    expect(parseNominatimAnswer([])).toEqual({ places: [], licence: null });
  });

  it('refuses what is not a jsonv2 search answer', () => {
    expect(parseNominatimAnswer({ error: 'Unable to geocode' })).toBeNull();
    expect(parseNominatimAnswer('<html>')).toBeNull();
    expect(parseNominatimAnswer([{ lat: 'north', lon: '126.9', display_name: 'x' }])).toBeNull();
    expect(parseNominatimAnswer([{ lat: '37.5', lon: '200', display_name: 'x' }])).toBeNull();
    expect(parseNominatimAnswer([{ lat: '37.5', lon: '126.9' }])).toBeNull();
  });
});
