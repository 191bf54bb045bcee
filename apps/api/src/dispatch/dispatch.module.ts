import { Module, type OnModuleInit } from '@nestjs/common';
import { TimerRunner } from '../timers/timer-runner.js';
import { DispatchController } from './dispatch.controller.js';
import { FieldController } from './field.controller.js';
import { OffersService } from './offers.service.js';
import { RecommendationsService } from './recommendations.service.js';
import { TeamStatusService } from './team-status.service.js';
import { SafetyService } from './safety.service.js';
import { IncidentLifecycleService } from './incident-lifecycle.service.js';
import { DispatchQueriesService } from './dispatch-queries.service.js';
import { registerSlaHandlers } from './sla-timers.js';

/** Team dispatch: recommendations, offers and their expiry, field status, safety, the end of an incident, SLA clocks. */
@Module({
  controllers: [DispatchController, FieldController],
  providers: [
    OffersService,
    RecommendationsService,
    TeamStatusService,
    SafetyService,
    IncidentLifecycleService,
    DispatchQueriesService,
  ],
  exports: [OffersService, RecommendationsService],
})
export class DispatchModule implements OnModuleInit {
  constructor(private readonly timers: TimerRunner) {}

  onModuleInit(): void {
    registerSlaHandlers(this.timers);
  }
}
