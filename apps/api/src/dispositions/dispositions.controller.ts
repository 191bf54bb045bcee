import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { DISPOSITIONS, type DispositionView } from '#contracts';
import { Staff } from '../auth/decorators.js';

/** GET /dispositions: the field outcomes an incident closes with (the codes POST /incidents/:id/close takes). */
@ApiTags('incidents')
@ApiBearerAuth()
@Controller('dispositions')
export class DispositionsController {
  @Get()
  @Staff()
  list(): DispositionView[] {
    return DISPOSITIONS.map((d) => ({ ...d }));
  }
}
