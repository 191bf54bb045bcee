import type { Type } from '@nestjs/common';
import { AgenciesModule } from './agencies/agencies.module.js';
import { TeamsModule } from './teams/teams.module.js';
import { CallsModule } from './calls/calls.module.js';
import { ClientsModule } from './clients/clients.module.js';
import { TriageModule } from './triage/triage.module.js';
import { IncidentsModule } from './incidents/incidents.module.js';
import { FollowUpsModule } from './followups/followups.module.js';
import { TelephonyModule } from './telephony/telephony.module.js';
import { DispatchModule } from './dispatch/dispatch.module.js';
import { AlertsModule } from './alerts/alerts.module.js';
import { CoverageModule } from './coverage/coverage.module.js';
import { HandoffsModule } from './handoffs/handoffs.module.js';
import { IndicatorsModule } from './indicators/indicators.module.js';
import { ExportsModule } from './exports/exports.module.js';
import { AccessLogModule } from './access-log/access-log.module.js';
import { WebhooksModule } from './webhooks/webhooks.module.js';
import { AdmissionsModule } from './admissions/admissions.module.js';
import { ShiftsModule } from './shifts/shifts.module.js';
import { SkillsModule } from './skills/skills.module.js';
import { DispositionsModule } from './dispositions/dispositions.module.js';
import { GeocodingModule } from './geocoding/geocoding.module.js';

// Feature modules register here; each uses what the global AppModule exports (Db, UnitOfWork, config,
// regions, timers).
export const FEATURE_MODULES: Type[] = [
  TeamsModule,
  AgenciesModule,
  // Hotline intake and triage (issue 3).
  CallsModule,
  ClientsModule,
  TriageModule,
  IncidentsModule,
  FollowUpsModule,
  TelephonyModule,
  // Team dispatch, field safety, alerts and roster coverage (issue 4).
  DispatchModule,
  AlertsModule,
  CoverageModule,
  // Partner handoffs (hospital, police, fire, community centre) and hospital beds.
  HandoffsModule,
  IndicatorsModule,
  // Partner exports: FHIR R4 handoff bundles, NENA EIDO for police and fire.
  ExportsModule,
  // The PIPA access-log review (issue 10).
  AccessLogModule,
  // Partner webhooks (Standard Webhooks outbox, signed inbound answers); Art. 50 emergency admissions (issue 8).
  WebhooksModule,
  AdmissionsModule,
  // Running the centre (issue 10): rosters and the skill vocabulary.
  ShiftsModule,
  SkillsModule,
  // Closing: the field outcomes an incident closes with (issue 13 item 7).
  DispositionsModule,
  // Location entry: address search through a configured Nominatim-compatible geocoder (issue 13 item 5).
  GeocodingModule,
];
