import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { IntakeDispatch1763800100000 } from './1763800100000-intake-dispatch.js';
import { IntakeCalls1763800200000 } from './1763800200000-intake-calls.js';
import { DispatchOperations1763800300000 } from './1763800300000-dispatch-operations.js';
import { Handoffs1763800400000 } from './1763800400000-handoffs.js';
import { WritePath1763800450000 } from './1763800450000-write-path.js';
import { Security1763800500000 } from './1763800500000-security.js';
import { Partners1763800600000 } from './1763800600000-partners.js';
import { WebhooksAdmissions1763800700000 } from './1763800700000-webhooks-admissions.js';
import { ContinuityOfCare1763800800000 } from './1763800800000-continuity-of-care.js';
import { RunningTheCentre1763800900000 } from './1763800900000-running-the-centre.js';
import { PastTenseVocabulary1763801100000 } from './1763801100000-past-tense-vocabulary.js';
import { WebhookTriggerWhen1763801200000 } from './1763801200000-webhook-trigger-when.js';
import { AuditChainHead1763801300000 } from './1763801300000-audit-chain-head.js';

// Listed explicitly (not globbed) so the compiled app and the Jest run load exactly the same migrations.
export const migrations = [
  Foundation1763800000000,
  IntakeDispatch1763800100000,
  IntakeCalls1763800200000,
  DispatchOperations1763800300000,
  Handoffs1763800400000,
  WritePath1763800450000,
  Security1763800500000,
  Partners1763800600000,
  WebhooksAdmissions1763800700000,
  ContinuityOfCare1763800800000,
  RunningTheCentre1763800900000,
  PastTenseVocabulary1763801100000,
  WebhookTriggerWhen1763801200000,
  AuditChainHead1763801300000,
];
