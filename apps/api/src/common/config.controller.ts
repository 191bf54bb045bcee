import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ConsoleConfig } from '#contracts';
import { Public } from '../auth/decorators.js';
import { APP_CONFIG } from './tokens.js';
import type { AppConfig } from '../config/config.js';

/** What the console needs before login: map tiles (if any), idle logoff, offer timing. Nothing secret. */
@ApiTags('config')
@Controller('config')
export class ConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get()
  @Public()
  get(): ConsoleConfig {
    const c = this.config;
    return {
      tileUrl: c.tileUrl,
      tileAttribution: c.tileAttribution,
      idleLogoffMinutes: c.idleLogoffMinutes,
      offerSeconds: c.dispatchOfferSeconds,
      checkinMinutes: c.checkinMinutes,
      mapCenter: c.mapCenter,
      mapZoom: c.mapZoom,
      centreTimezone: c.centreTimezone,
      geocoding: c.geocoder !== null,
    };
  }
}
