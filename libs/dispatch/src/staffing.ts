// Planning figures from the Korean service-model study (reference/korea.md "Staffing figures"). People are whole:
// every figure is rounded up.

/** Severe-mental-illness case managers: population × 1% prevalence × 20% registration ÷ 25 cases each = 8 per 100,000. */
export const CASE_MANAGERS_PER_100K = 8;
/** One team leader per this many case managers. */
export const CASE_MANAGERS_PER_TEAM_LEADER = 4;
/** A 24-hour crisis intervention system needs at least this many staff. */
export const CRISIS_ROUND_THE_CLOCK_FLOOR = 8;
/** Planning assumption for sizing the crisis team by population: 8 staff per 1,000,000 residents (floor 8). */
export const CRISIS_STAFF_PER_MILLION = 8;

export interface RegionStaffing {
  caseManagers: number;
  teamLeaders: number;
  staffTotal: number;
  smiMinimumWorkforce: number;
}

/** Case managers for a population: ceil(population × 8 ÷ 100,000), in integer arithmetic. */
export function caseManagersFor(population: number): number {
  assertPopulation(population);
  return Math.floor((population * CASE_MANAGERS_PER_100K + 99_999) / 100_000);
}

/** Minimum severe-mental-illness workforce by district population: ≤ 200,000 → 5; 200,001–400,000 → 14; > 400,000 → 23. */
export function smiMinimumWorkforce(population: number): number {
  assertPopulation(population);
  if (population <= 200_000) return 5;
  if (population <= 400_000) return 14;
  return 23;
}

/** The staffing figures of one region. */
export function regionStaffing(population: number): RegionStaffing {
  const caseManagers = caseManagersFor(population);
  const teamLeaders = Math.ceil(caseManagers / CASE_MANAGERS_PER_TEAM_LEADER);
  return {
    caseManagers,
    teamLeaders,
    staffTotal: caseManagers + teamLeaders,
    smiMinimumWorkforce: smiMinimumWorkforce(population),
  };
}

/**
 * Centre-wide round-the-clock crisis staff: max(8, ceil(total population × 8 ÷ 1,000,000)). The study gives only
 * the floor of 8 "sized by population and area"; area is not used (no figure per km² is given).
 */
export function crisisRoundTheClockMinimum(totalPopulation: number): number {
  assertPopulation(totalPopulation);
  return Math.max(
    CRISIS_ROUND_THE_CLOCK_FLOOR,
    Math.floor((totalPopulation * CRISIS_STAFF_PER_MILLION + 999_999) / 1_000_000),
  );
}

function assertPopulation(population: number): void {
  if (!Number.isSafeInteger(population) || population < 0)
    throw new RangeError(`population must be a non-negative integer, got ${population}`);
}
