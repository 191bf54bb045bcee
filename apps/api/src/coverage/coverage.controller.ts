import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CoverageView } from '#contracts';
import { Roles } from '../auth/decorators.js';
import { CoverageService } from './coverage.service.js';

@ApiTags('coverage')
@ApiBearerAuth()
@Controller('coverage')
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  /** Per region: teams on duty now, the next shift, and any gap now or within 12 hours. */
  @Get()
  @Roles('coordinator', 'supervisor', 'admin')
  get(): Promise<CoverageView> {
    return this.coverage.coverage();
  }
}
