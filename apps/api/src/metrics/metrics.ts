import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics of this instance. Labels never carry ids or personal data, only route shapes and types. */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });
  readonly eventsPublished = new Counter({
    name: 'crisis_events_published_total',
    // source: "notification" when the commit's NOTIFY carried the envelopes, "table" when they were read back from the
    // event table (too large for a notification, a gap, a restart); a surge of "table" means the fast path is lost.
    help: "Domain events pushed to this instance's sockets, by type and by where the publisher took them from",
    labelNames: ['type', 'source'] as const,
    registers: [this.registry],
  });
  readonly socketsConnected = new Gauge({
    name: 'crisis_sockets_connected',
    help: 'Authenticated Socket.IO connections on this instance',
    registers: [this.registry],
  });
  readonly timersFired = new Counter({
    name: 'crisis_timers_fired_total',
    help: 'Durable timers fired by this instance',
    labelNames: ['kind'] as const,
    registers: [this.registry],
  });

  readonly webhookAttempts = new Counter({
    name: 'crisis_webhook_attempts_total',
    help: 'Partner webhook attempts by this instance, by result (delivered, retry, failed)',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
