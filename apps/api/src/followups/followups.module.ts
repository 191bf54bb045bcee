import { Module } from '@nestjs/common';
import { FollowUpsController } from './followups.controller.js';
import { FollowUpsService } from './followups.service.js';

@Module({ controllers: [FollowUpsController], providers: [FollowUpsService], exports: [FollowUpsService] })
export class FollowUpsModule {}
