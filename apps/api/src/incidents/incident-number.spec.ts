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
});
