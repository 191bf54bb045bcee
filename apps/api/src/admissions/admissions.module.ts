import { Module, type OnModuleInit } from '@nestjs/common';
import { TimerRunner } from '../timers/timer-runner.js';
import { AdmissionsController } from './admissions.controller.js';
import { AdmissionsService } from './admissions.service.js';
import { HolidaysService } from './holidays.service.js';
import { registerAdmissionTimers } from './admission-timers.js';

@Module({ controllers: [AdmissionsController], providers: [AdmissionsService, HolidaysService] })
export class AdmissionsModule implements OnModuleInit {
  constructor(private readonly timers: TimerRunner) {}

  onModuleInit(): void {
    registerAdmissionTimers(this.timers);
  }
}
