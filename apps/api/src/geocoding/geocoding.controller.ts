import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { geocodeQuerySchema, type GeocodeAnswer } from '#contracts';
import { parseOrThrow } from '../common/validation.js';
import { Roles } from '../auth/decorators.js';
import { GeocodingService } from './geocoding.service.js';

@ApiTags('geocoding')
@ApiBearerAuth()
@Controller('geocoding')
export class GeocodingController {
  constructor(private readonly geocoding: GeocodingService) {}

  /** Address search through GEOCODER_URL; 503 SERVICE_UNAVAILABLE when none is configured or it fails. */
  @Get('search')
  @Roles('counselor', 'coordinator')
  @ApiQuery({ name: 'q', description: 'an address or place, e.g. a Korean road-name address (2–200 characters)' })
  @ApiQuery({ name: 'limit', required: false, description: '1–10, default 5' })
  @ApiQuery({ name: 'lang', required: false, description: 'ko (default) or en: the language of the labels' })
  search(@Query() query: Record<string, unknown>): Promise<GeocodeAnswer> {
    return this.geocoding.search(parseOrThrow(geocodeQuerySchema, query));
  }
}
