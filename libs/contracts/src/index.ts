export * from './vocabulary.js';
export * from './geo.js';
export * from './errors.js';
export * from './triage.js';
export * from './events.js';
export * from './requests.js';
export * from './responses.js';
export * from './rooms.js';
