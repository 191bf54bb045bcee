import type { TriageInput } from '#contracts';

/**
 * A triage input with every answer "no" / "none": the console's initial form state and the baseline the rules
 * map to category G. A fresh object each call so a form can mutate it freely.
 */
export function blankTriageInput(): TriageInput {
  return {
    cssrs: {
      wishDead: false,
      suicidalThoughts: false,
      thoughtsWithMethod: false,
      intent: false,
      planWithIntent: false,
      behavior: 'none',
    },
    selfHarmInProgress: false,
    medicalEmergency: false,
    rescueNeeded: false,
    harmToOthers: 'none',
    weaponAccess: false,
    psychosis: 'none',
    capableSupportPresent: false,
    distress: 'none',
    policeRequestsAssessment: false,
    referralOnly: false,
    infoOnly: false,
  };
}
