import { formatIncidentNumber, incidentYear } from './incident-number.js';

describe('incident numbers', () => {
  it('pads the yearly sequence to six digits', () => {
    expect(formatIncidentNumber(2026, 123)).toBe('2026-000123');
    expect(formatIncidentNumber(2026, 1234567)).toBe('2026-1234567');
  });

  it('changes year at midnight in Seoul, not UTC', () => {
    expect(incidentYear(new Date('2025-12-31T14:59:59Z'))).toBe(2025);
    expect(incidentYear(new Date('2025-12-31T15:00:00Z'))).toBe(2026);
  });

  it('answers from the hour it last worked out only within that hour, in whatever order it is asked', () => {
    const asked = [
      '2025-12-31T14:00:00Z',
      '2025-12-31T14:59:59.999Z',
      '2025-12-31T15:00:00Z',
      '2025-12-31T15:59:59Z',
      '2025-12-31T14:30:00Z',
      '2026-12-31T15:00:00Z',
      '2025-12-31T15:10:00Z',
    ].map((iso) => incidentYear(new Date(iso)));
    expect(asked).toEqual([2025, 2025, 2026, 2026, 2025, 2027, 2026]);
  });
});
