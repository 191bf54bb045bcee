import { Module } from '@nestjs/common';
import { BedRequestsService } from './bed-requests.service.js';
import { BedsController } from './beds.controller.js';
import { HandoffsController } from './handoffs.controller.js';
import { HandoffsService } from './handoffs.service.js';

@Module({
  controllers: [HandoffsController, BedsController],
  providers: [HandoffsService, BedRequestsService],
  exports: [HandoffsService],
})
export class HandoffsModule {}
