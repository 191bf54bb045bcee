import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type INestApplication, Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Server as HttpServer } from 'node:http';
import type { DataSource } from 'typeorm';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/config.js';
import { openDatabase } from './database/data-source.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded.js';
import { ConfiguredIoAdapter } from './realtime/io-adapter.js';
import { EventsGateway } from './realtime/events.gateway.js';
import { Notifications } from './realtime/notifications.js';
import { TokenService } from './auth/tokens.js';
import { AuthService } from './auth/auth.service.js';
import { Metrics } from './metrics/metrics.js';
import { ensureAdmin, sharedSecret } from './seed/first-start.js';
import { seedDemoData, type DemoCredentials } from './seed/demo.js';
import { startBackgroundWork } from './background.js';
import { applySecurityHeaders } from './common/security-headers.js';

export interface RunningServer {
  app: INestApplication;
  url: string;
  databaseUrl: string;
  dataSource: DataSource;
  generatedAdminPassword: string | null;
  demoCredentials: DemoCredentials | null;
  close(): Promise<void>;
}

const LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/** Starts the database (embedded unless DATABASE_URL), migrates, seeds a first start, and serves everything. */
export async function startServer(config: AppConfig): Promise<RunningServer> {
  const log = new Logger('Server');
  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(join(config.dataDir, 'db'), (m) => log.warn(m));
    databaseUrl = embedded.url;
    log.log(`embedded PostgreSQL running, data in ${embedded.clusterDir} (secrets in ${join(config.dataDir, 'db')})`);
  }
  let ds: DataSource | null = null;
  try {
    ds = await openDatabase(databaseUrl, config.databasePool);
    const generatedAdminPassword = await ensureAdmin(ds, config.adminPassword);
    const demoCredentials = config.demoData ? await seedDemoData(ds, new Date()) : null;

    const app = await NestFactory.create(AppModule.forRoot(config, ds), {
      bodyParser: false,
      logger: LEVELS[config.logLevel],
    });
    const tokens = app.get(TokenService);
    tokens.configure(config.jwtSecret ?? (await sharedSecret(ds, 'jwt')), config.accessTokenMinutes);
    app.get(AuthService).configure({ maxFailures: config.loginMaxFailures, windowMinutes: config.loginWindowMinutes });
    configureHttp(app, config);
    app.useWebSocketAdapter(new ConfiguredIoAdapter(app, config.corsOrigins));
    await app.listen(config.port, config.host);

    const gateway = app.get(EventsGateway);
    const notifications = app.get(Notifications);
    await notifications.start(gateway.server, databaseUrl);
    const background = startBackgroundWork(app, config);

    const address = (app.getHttpServer() as HttpServer).address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://127.0.0.1:${port}`;
    let closing: Promise<void> | null = null;
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        await background.stop();
        await notifications.stop();
        await app.close();
        await embedded?.stop();
      })());
    return { app, url, databaseUrl, dataSource: ds, generatedAdminPassword, demoCredentials, close };
  } catch (e) {
    await ds?.destroy().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    throw e;
  }
}

/** Paths the console's files and client-side routes may answer: everything but the API, docs, metrics and sockets. */
const CONSOLE_PATH = /^\/(?!api\/|socket\.io\/|metrics).*/;

function configureHttp(app: INestApplication, config: AppConfig): void {
  const http = app.getHttpAdapter().getInstance() as express.Express;
  http.disable('x-powered-by');
  // No ETag on the API's answers: Express hashed every JSON body (a whole snapshot of incidents included) for a header
  // no client can use, since every API answer is Cache-Control: no-store. Static files keep theirs (serve-static's).
  http.set('etag', false);
  http.set('trust proxy', 'loopback');
  // Small bodies everywhere except boundary imports, which can be a few MB of GeoJSON.
  http.use('/api/v1/regions/import', express.json({ limit: '25mb' }));
  // The telephony webhook is signed over its raw bytes, so they are kept next to the parsed body.
  http.use(
    '/api/v1/telephony',
    express.json({ limit: '16kb', verify: (req, _res, buf) => void ((req as { rawBody?: Buffer }).rawBody = buf) }),
  );
  // Partner systems sign their answers like our webhooks, over the raw bytes.
  http.use(
    '/api/v1/partner-api',
    express.json({ limit: '16kb', verify: (req, _res, buf) => void ((req as { rawBody?: Buffer }).rawBody = buf) }),
  );
  http.use(express.json({ limit: '256kb' }));
  applySecurityHeaders(http, config.tileUrl);
  http.use((req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const metrics = app.get(Metrics);
  http.use((req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      // The route pattern, never the concrete URL: ids in labels would leak and explode cardinality.
      const route =
        (req.route as { path?: string } | undefined)?.path ?? (req.path.startsWith('/api/') ? 'unmatched' : 'static');
      end({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  });

  app.setGlobalPrefix('api/v1', { exclude: ['metrics'] });
  app.enableCors({ origin: config.corsOrigins.length ? config.corsOrigins : false });

  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Crisis Dispatch Console API')
      .setDescription(
        '24-hour mental health crisis response: intake, triage, dispatch, handoffs. Errors: {statusCode, code, message, details?}.',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, doc, { jsonDocumentUrl: 'api/docs-json' });

  if (existsSync(join(config.consoleDir, 'index.html'))) {
    // Express runs this before the API's routes (Nest adds them at listen): without the guard every API request
    // looked for a file of its path on disk first (a failed stat and a thread-pool round trip per request, issue 12),
    // and a file of that path would have answered in the API's place.
    const files = express.static(config.consoleDir, { index: false, maxAge: '1h' });
    http.use((req: Request, res: Response, next: NextFunction) =>
      CONSOLE_PATH.test(req.path) ? files(req, res, next) : next(),
    );
    // Client-side routes fall back to the app shell; API, docs, metrics and sockets are never shadowed.
    http.get(CONSOLE_PATH, (req: Request, res: Response, next: NextFunction) => {
      if (req.accepts('html')) res.sendFile(join(config.consoleDir, 'index.html'));
      else next();
    });
  } else {
    new Logger('Server').warn(`console not built (no ${config.consoleDir}/index.html): run npm run build:console`);
  }
}
