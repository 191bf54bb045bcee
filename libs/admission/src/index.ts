// Pure rules of psychiatric admissions under the Mental Health Welfare Act. No framework imports.
export * from './clock.js';
