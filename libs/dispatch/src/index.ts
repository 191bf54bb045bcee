// Pure dispatch rules shared by the API and the console: the team status machine, the incident lifecycle, the
// response clock and roster coverage. No framework imports, no I/O.
export * from './team-status.js';
export * from './incident-lifecycle.js';
export * from './sla.js';
export * from './coverage.js';
export * from './indicators.js';
export * from './staffing.js';
export * from './kpi-rows.js';
export * from './kpi-trend.js';
export * from './roster-gaps.js';
