import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import type { Server, ServerOptions } from 'socket.io';

/**
 * Socket.IO with the Origin checked against an allow-list (OWASP WebSocket): browsers on another origin are
 * refused unless listed in CORS_ORIGINS; same-origin pages and non-browser clients (no Origin) pass.
 */
export class ConfiguredIoAdapter extends IoAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly allowedOrigins: string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const allowed = this.allowedOrigins;
    return super.createIOServer(port, {
      ...options,
      maxHttpBufferSize: 16 * 1024,
      cors: allowed.length ? { origin: allowed, credentials: false } : undefined,
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        if (!origin) return callback(null, true);
        const host = req.headers.host;
        let sameOrigin: boolean;
        try {
          sameOrigin = new URL(origin).host === host;
        } catch {
          sameOrigin = false;
        }
        callback(null, sameOrigin || allowed.includes(origin));
      },
    } as ServerOptions);
  }
}
