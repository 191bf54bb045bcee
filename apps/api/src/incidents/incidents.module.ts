import { Module, type OnModuleInit } from '@nestjs/common';
import { TimerRunner } from '../timers/timer-runner.js';
import { IncidentsController } from './incidents.controller.js';
import { IncidentsService } from './incidents.service.js';
import { IncidentLifecycleService } from './incident-lifecycle.service.js';
import { registerSlaHandlers } from './sla-timers.js';

/** Incidents from intake to their end (close, cancel) and their response clock (SLA timers). */
@Module({
  controllers: [IncidentsController],
  providers: [IncidentsService, IncidentLifecycleService],
  exports: [IncidentsService],
})
export class IncidentsModule implements OnModuleInit {
  constructor(private readonly timers: TimerRunner) {}

  onModuleInit(): void {
    registerSlaHandlers(this.timers);
  }
}
