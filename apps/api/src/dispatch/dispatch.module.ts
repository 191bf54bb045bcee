import { Global, Module } from '@nestjs/common';
import { IncidentDispatchPort } from '../incidents/incident-dispatch.port.js';
import { DispatchController } from './dispatch.controller.js';
import { FieldController } from './field.controller.js';
import { OffersService } from './offers.service.js';
import { RecommendationsService } from './recommendations.service.js';
import { TeamStatusService } from './team-status.service.js';
import { SafetyService } from './safety.service.js';
import { DispatchQueriesService } from './dispatch-queries.service.js';
import { DispatchForIncidents } from './dispatch-for-incidents.js';

/**
 * Team dispatch: recommendations, offers and their expiry, field status and safety. Global because it provides the
 * port incidents declare (IncidentDispatchPort): incidents use dispatch without importing it.
 */
@Global()
@Module({
  controllers: [DispatchController, FieldController],
  providers: [
    OffersService,
    RecommendationsService,
    TeamStatusService,
    SafetyService,
    DispatchQueriesService,
    { provide: IncidentDispatchPort, useClass: DispatchForIncidents },
  ],
  exports: [OffersService, RecommendationsService, IncidentDispatchPort],
})
export class DispatchModule {}
