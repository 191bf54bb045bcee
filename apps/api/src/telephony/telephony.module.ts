import { Module } from '@nestjs/common';
import { CallsModule } from '../calls/calls.module.js';
import { TelephonyController } from './telephony.controller.js';

@Module({ imports: [CallsModule], controllers: [TelephonyController] })
export class TelephonyModule {}
