import { DEFAULT_RESPONSE_TIMES } from '#triage';
import {
  axisLabel,
  dashboardCharts,
  defaultFilters,
  formatValue,
  kpiQuery,
  monthFilters,
  staffingGap,
  validPeriod,
} from './dashboard-model';
import { districtShade, responseBadness, staffingBadness } from './district-shading';
import { kpiReport, perCategory } from '../../../../../test/support/kpi-report';

const report = kpiReport({
  calls: {
    total: 3,
    answered: 3,
    answeredWithin15sShare: 0.6667,
    answeredWithin20sShare: 1,
    answerSecondsP50: 9,
    answerSecondsP90: 16,
  },
  incidents: { total: 2, byCategory: perCategory({ A: 2 }) },
  processing: { measured: 2, answerToDispatchSecondsP90: 40, within60sShare: 1 },
  response: {
    offered: 2,
    accepted: 2,
    onScene: 1,
    withinTargetShare: 0.5,
    acceptSecondsP50: 12,
    onSceneMinutesP50ByCategory: perCategory({ A: 31 }),
  },
  handoffs: { requested: 1, accepted: 1, declineReasons: { 'no-beds': 0 } },
  policeInvolvementShare: 0.5,
  followUps: { due: 1, doneWithin24hShare: 1 },
});

describe('dashboard filters', () => {
  it('defaults to the last seven days and asks for [local midnight, the midnight after the last day)', () => {
    const f = defaultFilters(new Date(2026, 1, 10, 15, 30));
    expect(f).toEqual({ fromDate: '2026-02-04', toDate: '2026-02-10', regionId: '', category: '' });
    const q = new URLSearchParams(kpiQuery({ ...f, category: 'B' }));
    expect(q.get('from')).toBe(new Date(2026, 1, 4).toISOString());
    expect(q.get('to')).toBe(new Date(2026, 1, 11).toISOString());
    expect(q.get('category')).toBe('B');
    expect(q.has('regionId')).toBe(false);
  });

  it('makes a month and refuses a reversed period', () => {
    expect(monthFilters('2026-02', defaultFilters(new Date(2026, 5, 1)))).toMatchObject({
      fromDate: '2026-02-01',
      toDate: '2026-02-28',
    });
    expect(validPeriod({ fromDate: '2026-02-02', toDate: '2026-02-01', regionId: '', category: '' })).toBe(false);
    expect(validPeriod({ fromDate: '2026-02-01', toDate: '2026-02-01', regionId: '', category: '' })).toBe(true);
  });
});

describe('dashboard charts', () => {
  const charts = dashboardCharts(report, DEFAULT_RESPONSE_TIMES);
  const chart = (id: string) => charts.find((c) => c.id === id)!;

  it("draws each indicator with its standard's target", () => {
    expect(chart('answer-times').points).toEqual([
      { key: 'calls.answerSecondsP50', value: 9, target: null },
      { key: 'calls.answerSecondsP90', value: 16, target: 15 },
      { key: 'processing.answerToDispatchSecondsP90', value: 40, target: 60 },
    ]);
    expect(chart('timely-shares').points.map((p) => p.target)).toEqual([0.9, 0.95, 0.9]);
    expect(chart('follow-up').points).toEqual([{ key: 'followUps.doneWithin24hShare', value: 1, target: 1 }]);
  });

  it("charts the categories whose target is at most a day, with the centre's minutes", () => {
    expect(chart('on-scene-by-category').points).toEqual([
      { key: 'response.onSceneMinutesP50ByCategory.A', value: 31, target: 0 },
      { key: 'response.onSceneMinutesP50ByCategory.B', value: 0, target: 120 },
      { key: 'response.onSceneMinutesP50ByCategory.C', value: 0, target: 480 },
    ]);
  });

  it('labels and formats for the axis and the tables', () => {
    expect(axisLabel('incidents.byCategory.A', 'Category A incidents')).toBe('A');
    expect(axisLabel('calls.answerSecondsP90', 'Answer time, 90th percentile')).toEqual([
      'Answer time, 90th',
      'percentile',
    ]);
    expect(formatValue(0.6667, 'share', 'en')).toBe('66.7%');
    expect(formatValue(16, 'seconds', 'ko')).toBe('16초');
    expect(formatValue(1234, 'minutes', 'en')).toBe('1,234 min');
  });
});

describe('district shading', () => {
  it('shades by the missed share or the staffing gap, grey when there is nothing to show', () => {
    expect(staffingGap(15, 4)).toBe(11);
    expect(staffingGap(15, 20)).toBe(0);
    expect(staffingGap(null, 4)).toBeNull();
    expect(staffingBadness(11, 15)).toBeCloseTo(0.733, 3);
    expect(staffingBadness(null, null)).toBeNull();
    expect(responseBadness(0.25, 4)).toBe(0.75);
    expect(responseBadness(0, 0)).toBeNull();
    expect(districtShade(null).dashArray).toBe('4 4');
    expect(districtShade(0).fillColor).not.toBe(districtShade(1).fillColor);
    expect(districtShade(1).fillColor).toBe(districtShade(0.99).fillColor);
  });
});
