import type { Category } from './vocabulary.js';

// GET /kpis and GET /planning/staffing (contract.md). Shares are 0..1; an empty period reports zeros.

export interface KpiReport {
  from: string;
  to: string;
  calls: {
    total: number;
    answered: number;
    answeredWithin15sShare: number;
    answeredWithin20sShare: number;
    answerSecondsP50: number;
    answerSecondsP90: number;
  };
  incidents: { total: number; byCategory: Record<Category, number> };
  processing: { measured: number; answerToDispatchSecondsP90: number; within60sShare: number };
  response: {
    offered: number;
    accepted: number;
    onScene: number;
    withinTargetShare: number;
    acceptSecondsP50: number;
    onSceneMinutesP50ByCategory: Record<Category, number>;
  };
  handoffs: {
    requested: number;
    accepted: number;
    declined: number;
    hospitalRefusalRate: number;
    declineReasons: Record<string, number>;
    /** Median minutes from a hospital request (or bed request) to a hospital's accept. */
    bedFoundMinutesP50: number;
  };
  policeInvolvementShare: number;
  followUps: { due: number; doneWithin24hShare: number };
}

export interface RegionStaffingView {
  regionId: string;
  code: string;
  name: string;
  population: number | null;
  caseManagers: number | null;
  teamLeaders: number | null;
  staffTotal: number | null;
  smiMinimumWorkforce: number | null;
  /** Set when a figure cannot be computed (no population imported). */
  note?: string;
}

export interface StaffingPlan {
  regions: RegionStaffingView[];
  crisisRoundTheClockMinimum: number;
  /** Sum of the known populations. */
  totalPopulation: number;
  basis: string;
}
