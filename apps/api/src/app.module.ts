import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { DataSource } from 'typeorm';
import type { AppConfig } from './config/config.js';
import { APP_CONFIG } from './common/tokens.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { StorableTextPipe } from './common/storable-text.pipe.js';
import { ConfigController } from './common/config.controller.js';
import { Db } from './database/db.js';
import { UnitOfWork } from './database/tx.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthService } from './auth/auth.service.js';
import { TokenService } from './auth/tokens.js';
import { SessionService } from './auth/sessions.js';
import { SessionWatcher } from './realtime/session-watcher.js';
import { Notifications } from './realtime/notifications.js';
import { UsersController } from './users/users.controller.js';
import { UsersService } from './users/users.service.js';
import { EventsController } from './realtime/events.controller.js';
import { EventsGateway } from './realtime/events.gateway.js';
import { EventPublisher } from './realtime/publisher.js';
import { EventLogService } from './realtime/event-log.service.js';
import { HealthController } from './health/health.controller.js';
import { HealthService } from './health/health.service.js';
import { Metrics } from './metrics/metrics.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { RegionsController } from './regions/regions.controller.js';
import { RegionsService } from './regions/regions.service.js';
import { FEATURE_MODULES } from './features.js';
import { TimerRunner } from './timers/timer-runner.js';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, dataSource: DataSource): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [...FEATURE_MODULES],
      controllers: [
        HealthController,
        ConfigController,
        AuthController,
        UsersController,
        EventsController,
        RegionsController,
        MetricsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: DataSource, useValue: dataSource },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_PIPE, useClass: StorableTextPipe },
        Db,
        UnitOfWork,
        TokenService,
        SessionService,
        SessionWatcher,
        HealthService,
        EventLogService,
        AuthService,
        UsersService,
        Metrics,
        EventsGateway,
        EventPublisher,
        Notifications,
        RegionsService,
        TimerRunner,
      ],
      exports: [
        APP_CONFIG,
        DataSource,
        Db,
        UnitOfWork,
        TokenService,
        SessionService,
        Metrics,
        RegionsService,
        EventPublisher,
        TimerRunner,
      ],
    };
  }
}
