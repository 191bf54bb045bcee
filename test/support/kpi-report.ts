import type { Category, KpiReport } from '#contracts';

// KPI reports for the unit specs of the indicator rows (libs/dispatch) and of the dashboard (console): a report in
// which nothing happened, with the figures a spec is about laid over it section by section.

type Section = 'calls' | 'incidents' | 'processing' | 'response' | 'handoffs' | 'followUps';

/** What a spec sets: any top-level field, and any field of a section (the section's other figures stay zero). */
export type KpiFigures = Partial<Omit<KpiReport, Section>> & { [S in Section]?: Partial<KpiReport[S]> };

const NO_CATEGORIES: Record<Category, number> = { A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 };

/** A figure per category: zero for every category but those given. */
export const perCategory = (given: Partial<Record<Category, number>>): Record<Category, number> => ({
  ...NO_CATEGORIES,
  ...given,
});

export function kpiReport({
  calls,
  incidents,
  processing,
  response,
  handoffs,
  followUps,
  ...top
}: KpiFigures): KpiReport {
  return {
    from: '',
    to: '',
    policeInvolvementShare: 0,
    ...top,
    calls: {
      total: 0,
      answered: 0,
      answeredWithin15sShare: 0,
      answeredWithin20sShare: 0,
      answerSecondsP50: 0,
      answerSecondsP90: 0,
      ...calls,
    },
    incidents: { total: 0, byCategory: NO_CATEGORIES, ...incidents },
    processing: { measured: 0, answerToDispatchSecondsP90: 0, within60sShare: 0, ...processing },
    response: {
      offered: 0,
      accepted: 0,
      onScene: 0,
      withinTargetShare: 0,
      acceptSecondsP50: 0,
      onSceneMinutesP50ByCategory: NO_CATEGORIES,
      ...response,
    },
    handoffs: {
      requested: 0,
      accepted: 0,
      declined: 0,
      hospitalRefusalRate: 0,
      declineReasons: {},
      bedFoundMinutesP50: 0,
      ...handoffs,
    },
    followUps: { due: 0, doneWithin24hShare: 0, ...followUps },
  };
}
