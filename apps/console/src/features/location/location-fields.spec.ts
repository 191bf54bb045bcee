import { formatCoordinate, pointFromTexts, readCoordinate, splitPastedPoint } from './location-fields';

describe('the latitude and longitude boxes', () => {
  it('give no point while only the latitude is typed (no longitude of 0)', () => {
    expect(pointFromTexts('37.5665', '')).toBeNull();
    expect(pointFromTexts('', '126.994')).toBeNull();
    expect(pointFromTexts('37.5665', '126.994')).toEqual({ lat: 37.5665, lng: 126.994 });
  });

  it('read decimals as they are being typed', () => {
    expect(readCoordinate('37.', 'lat')).toBe(37);
    expect(readCoordinate(' -33.9 ', 'lat')).toBe(-33.9);
    expect(readCoordinate('-', 'lat')).toBe('invalid');
    expect(readCoordinate('', 'lng')).toBe('empty');
  });

  it('refuse what is not a coordinate of its axis', () => {
    expect(readCoordinate('126.99', 'lat')).toBe('invalid');
    expect(readCoordinate('181', 'lng')).toBe('invalid');
    expect(readCoordinate('180', 'lng')).toBe(180);
    expect(readCoordinate('1e2', 'lat')).toBe('invalid');
    expect(readCoordinate('0x10', 'lat')).toBe('invalid');
    expect(readCoordinate('37,5', 'lat')).toBe('invalid');
    expect(pointFromTexts('north', '126.9')).toBeNull();
  });

  it('show a placed point with at most six decimals', () => {
    expect(formatCoordinate(37.56650000001)).toBe('37.5665');
    expect(formatCoordinate(126.97804449)).toBe('126.978044');
  });

  it('split a pasted "lat, lng" pair', () => {
    expect(splitPastedPoint('37.5665, 126.978')).toEqual({ lat: '37.5665', lng: '126.978' });
    expect(splitPastedPoint('37.5665 126.978')).toEqual({ lat: '37.5665', lng: '126.978' });
    expect(splitPastedPoint('37.5665')).toBeNull();
    expect(splitPastedPoint('126.978, 37.5665, 1')).toBeNull();
    expect(splitPastedPoint('137.5, 26.9')).toBeNull();
  });
});
