import { Module, type OnModuleInit } from '@nestjs/common';
import { TimerRunner } from '../timers/timer-runner.js';
import { FollowUpsController } from './followups.controller.js';
import { FollowUpsService } from './followups.service.js';
import { registerFollowUpTimers } from './overdue-timer.js';

@Module({ controllers: [FollowUpsController], providers: [FollowUpsService], exports: [FollowUpsService] })
export class FollowUpsModule implements OnModuleInit {
  constructor(private readonly timers: TimerRunner) {}

  onModuleInit(): void {
    registerFollowUpTimers(this.timers);
  }
}
