import { Module } from '@nestjs/common';
import { HandoffsController } from './handoffs.controller.js';
import { HandoffsService } from './handoffs.service.js';

@Module({ controllers: [HandoffsController], providers: [HandoffsService], exports: [HandoffsService] })
export class HandoffsModule {}
