import { Module } from '@nestjs/common';
import { AccessLogController } from './access-log.controller.js';
import { AccessLogService } from './access-log.service.js';

/** GET /audit and GET /audit/unusual: the PIPA access-log review. */
@Module({ controllers: [AccessLogController], providers: [AccessLogService] })
export class AccessLogModule {}
