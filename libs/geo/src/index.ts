// Pure geometry and team-recommendation rules shared by the API and the console. No framework imports.
export * from './distance.js';
export * from './projection.js';
export * from './polygon.js';
export * from './voronoi.js';
export * from './geojson-import.js';
export * from './eta.js';
export * from './recommend.js';
export * from './skills.js';
export * from './hospitals.js';
export * from './label-point.js';
