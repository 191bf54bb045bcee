// The triage rules library: pure functions shared by the API and the console, no framework imports.
export { CSSRS_QUESTIONS, GATED_CSSRS_QUESTIONS, cssrsRisk } from './cssrs.js';
export type { CssrsQuestion } from './cssrs.js';
export { ROOT_FIELD, clearSkippedAnswers, skipLogic, validateTriageInput } from './validate.js';
export type { SkipLogicState, TriageValidation } from './validate.js';
export { REASON_CATEGORY, REASON_CODES, RULES_VERSION, TRIAGE_RULES, partnersToNotify, triage } from './rules.js';
export type { ReasonCode, TriageConfig } from './rules.js';
export { DEFAULT_RESPONSE_TIMES, parseResponseTimes, resolveResponseTimes, respondBy } from './response-times.js';
export { callerGuidance, withinPhrase } from './guidance.js';
export type { CallerGuidance, LocalizedText } from './guidance.js';
export { blankTriageInput } from './blank-input.js';
export { isAssessed, lookupIn, openPathQuestions, validateTriageSubmission } from './completeness.js';
export type { AnswerLookup, SubmissionValidation, TriageSubmission } from './completeness.js';
export { callerIsThirdParty } from './guidance.js';
