import { KPI_DOMAINS } from '#contracts';
import { DEFAULT_RESPONSE_TIMES } from '#triage';
import { kpiReport, perCategory } from '../../../test/support/kpi-report.js';
import { csvField, kpiCsv, kpiRows, meetsTarget, toCsv } from './kpi-rows.js';

const report = kpiReport({
  from: '2026-01-01T00:00:00.000Z',
  to: '2026-02-01T00:00:00.000Z',
  calls: {
    total: 10,
    answered: 9,
    answeredWithin15sShare: 0.8,
    answeredWithin20sShare: 0.95,
    answerSecondsP50: 7,
    answerSecondsP90: 18.5,
  },
  incidents: { total: 4, byCategory: perCategory({ A: 1, C: 3 }) },
  processing: { measured: 3, answerToDispatchSecondsP90: 75, within60sShare: 0.6667 },
  response: {
    offered: 3,
    accepted: 2,
    onScene: 2,
    withinTargetShare: 0.5,
    acceptSecondsP50: 20,
    onSceneMinutesP50ByCategory: perCategory({ A: 25, C: 200 }),
  },
  handoffs: {
    requested: 2,
    accepted: 1,
    declined: 1,
    hospitalRefusalRate: 0.5,
    bedFoundMinutesP50: 42,
    declineReasons: { 'no-beds': 1, other: 0, 'x,"odd"': 2 },
  },
  policeInvolvementShare: 0.25,
  followUps: { due: 2, doneWithin24hShare: 1 },
});

describe('kpiRows', () => {
  const rows = kpiRows(report, DEFAULT_RESPONSE_TIMES);
  const row = (indicator: string) => rows.find((r) => r.indicator === indicator)!;

  it('lists every number of the report once, grouped in CRISES domain order', () => {
    expect(new Set(rows.map((r) => r.indicator)).size).toBe(rows.length);
    const order = rows.map((r) => KPI_DOMAINS.indexOf(r.domain));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(new Set(rows.map((r) => r.domain))).toEqual(new Set(KPI_DOMAINS));
    expect(row('incidents.byCategory.C').value).toBe(3);
    expect(row('handoffs.declineReasons.x,"odd"').value).toBe(2);
    expect(row('policeInvolvementShare')).toMatchObject({ domain: 'least-restrictive', value: 0.25, target: null });
  });

  it("carries the standards' targets and the centre's category targets", () => {
    expect(row('calls.answeredWithin15sShare').target).toEqual({ op: '>=', value: 0.9, source: 'NENA-STA-020.1-2020' });
    expect(row('processing.answerToDispatchSecondsP90').target).toMatchObject({
      op: '<=',
      value: 60,
      source: 'NFPA 1225',
    });
    expect(row('followUps.doneWithin24hShare').target).toMatchObject({ op: '>=', value: 1 });
    expect(row('response.onSceneMinutesP50ByCategory.B').target).toMatchObject({ op: '<=', value: 120 });
    expect(row('response.onSceneMinutesP50ByCategory.F').target).toBeNull();
    const custom = kpiRows(report, { ...DEFAULT_RESPONSE_TIMES, A: 30 });
    expect(custom.find((r) => r.indicator === 'response.onSceneMinutesP50ByCategory.A')!.target!.value).toBe(30);
  });

  it('tells met from missed', () => {
    expect(meetsTarget(row('calls.answeredWithin15sShare'))).toBe(false);
    expect(meetsTarget(row('calls.answeredWithin20sShare'))).toBe(true);
    expect(meetsTarget(row('processing.answerToDispatchSecondsP90'))).toBe(false);
    expect(meetsTarget(row('calls.total'))).toBeNull();
  });
});

describe('CSV', () => {
  it('quotes what needs it and defuses spreadsheet formulas', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
    expect(csvField(Number.NaN)).toBe('');
    expect(csvField(null)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x\ny']])).toBe('a,b\r\n1,"x\ny"\r\n');
  });

  it('writes one line per indicator with the period', () => {
    const lines = kpiCsv(report, DEFAULT_RESPONSE_TIMES).trimEnd().split('\r\n');
    expect(lines[0]).toBe('domain,indicator,value,unit,target_op,target,target_source,from,to');
    expect(lines).toContain(
      'timely,calls.answerSecondsP90,18.5,seconds,<=,15,NENA-STA-020.1-2020,2026-01-01T00:00:00.000Z,2026-02-01T00:00:00.000Z',
    );
    expect(lines).toContain('accessible,incidents.total,4,count,,,,2026-01-01T00:00:00.000Z,2026-02-01T00:00:00.000Z');
    expect(lines).toHaveLength(kpiRows(report, DEFAULT_RESPONSE_TIMES).length + 1);
  });
});
