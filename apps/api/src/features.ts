import type { Type } from '@nestjs/common';
import { AgenciesModule } from './agencies/agencies.module.js';
import { TeamsModule } from './teams/teams.module.js';

// Feature modules register here; each uses what the global AppModule exports (DataSource, UnitOfWork, config,
// regions, timers).
export const FEATURE_MODULES: Type[] = [TeamsModule, AgenciesModule];
