import { caseManagersFor, crisisRoundTheClockMinimum, regionStaffing, smiMinimumWorkforce } from './staffing.js';

/** The expected staffing of a region, in the order of the fields. */
const staffing = (caseManagers: number, teamLeaders: number, staffTotal: number, smiMinimumWorkforce: number) => ({
  caseManagers,
  teamLeaders,
  staffTotal,
  smiMinimumWorkforce,
});

describe('regionStaffing', () => {
  it('gives Jongno-gu (149,608) 12 case managers, 3 team leaders, 15 staff and an SMI minimum of 5', () => {
    expect(regionStaffing(149_608)).toEqual(staffing(12, 3, 15, 5));
  });

  it('is 8 case managers and 10 staff per 100,000 exactly', () => {
    expect(regionStaffing(100_000)).toEqual(staffing(8, 2, 10, 5));
    expect(regionStaffing(1_000_000)).toEqual(staffing(80, 20, 100, 23));
  });

  it('rounds people up', () => {
    expect(caseManagersFor(0)).toBe(0);
    expect(caseManagersFor(1)).toBe(1);
    expect(caseManagersFor(12_500)).toBe(1);
    expect(caseManagersFor(12_501)).toBe(2);
    expect(regionStaffing(12_501)).toMatchObject({ caseManagers: 2, teamLeaders: 1, staffTotal: 3 });
    expect(regionStaffing(0)).toEqual({ caseManagers: 0, teamLeaders: 0, staffTotal: 0, smiMinimumWorkforce: 5 });
  });

  it('steps the SMI minimum workforce at 200,000 and 400,000', () => {
    expect(smiMinimumWorkforce(200_000)).toBe(5);
    expect(smiMinimumWorkforce(200_001)).toBe(14);
    expect(smiMinimumWorkforce(400_000)).toBe(14);
    expect(smiMinimumWorkforce(400_001)).toBe(23);
    expect(regionStaffing(200_000)).toEqual(staffing(16, 4, 20, 5));
    expect(regionStaffing(200_001)).toEqual(staffing(17, 5, 22, 14));
    expect(regionStaffing(400_000)).toEqual(staffing(32, 8, 40, 14));
    expect(regionStaffing(400_001)).toEqual(staffing(33, 9, 42, 23));
  });

  it('refuses a negative or fractional population', () => {
    expect(() => regionStaffing(-1)).toThrow(RangeError);
    expect(() => regionStaffing(1.5)).toThrow(RangeError);
  });
});

describe('crisisRoundTheClockMinimum', () => {
  it('is at least 8, then 8 per started 1,000,000 residents', () => {
    expect(crisisRoundTheClockMinimum(0)).toBe(8);
    expect(crisisRoundTheClockMinimum(149_608)).toBe(8);
    expect(crisisRoundTheClockMinimum(1_000_000)).toBe(8);
    expect(crisisRoundTheClockMinimum(1_000_001)).toBe(9);
    expect(crisisRoundTheClockMinimum(9_400_000)).toBe(76);
  });
});
