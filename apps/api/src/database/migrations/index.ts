import { Foundation1763800000000 } from './1763800000000-foundation.js';
import { IntakeDispatch1763800100000 } from './1763800100000-intake-dispatch.js';
import { IntakeCalls1763800200000 } from './1763800200000-intake-calls.js';
import { DispatchOperations1763800300000 } from './1763800300000-dispatch-operations.js';
import { Handoffs1763800400000 } from './1763800400000-handoffs.js';
import { Partners1763800600000 } from './1763800600000-partners.js';
import { ContinuityOfCare1763800800000 } from './1763800800000-continuity-of-care.js';

// Listed explicitly (not globbed) so the compiled app and the Jest run load exactly the same migrations.
export const migrations = [
  Foundation1763800000000,
  IntakeDispatch1763800100000,
  IntakeCalls1763800200000,
  DispatchOperations1763800300000,
  Handoffs1763800400000,
  Partners1763800600000,
  ContinuityOfCare1763800800000,
];
