import { Module } from '@nestjs/common';
import { AgenciesController } from './agencies.controller.js';
import { AgenciesService } from './agencies.service.js';
import { AgencyAdminController } from './agency-admin.controller.js';
import { AgencyAdminService } from './agency-admin.service.js';

@Module({
  controllers: [AgenciesController, AgencyAdminController],
  providers: [AgenciesService, AgencyAdminService],
  exports: [AgenciesService],
})
export class AgenciesModule {}
