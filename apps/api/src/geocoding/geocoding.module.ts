import { Module } from '@nestjs/common';
import { GeocoderClient } from './geocoder.client.js';
import { GeocodingController } from './geocoding.controller.js';
import { GeocodingService } from './geocoding.service.js';

@Module({ controllers: [GeocodingController], providers: [GeocoderClient, GeocodingService] })
export class GeocodingModule {}
