import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { Server } from 'socket.io';

// The floor the write-path benchmark compares the project with, started as its own process by fanout.ts: plain
// node:http, one PostgreSQL transaction per create (BEGIN, INSERT … RETURNING, COMMIT on a pooled connection, with
// the same durability as the project: synchronous commit), then one Socket.IO broadcast to the consoles' room.
// No framework, no auth, no audit, no event log: what any server doing this job pays at least.
// Env: FLOOR_DATABASE_URL, PORT. Prints "floor listening on <port>" when ready.

// As many connections as the project's default pool on this machine (the bench passes it), so neither has more of
// PostgreSQL's attention than the other.
const pool = new pg.Pool({
  connectionString: process.env.FLOOR_DATABASE_URL,
  max: Number(process.env.FLOOR_POOL_SIZE ?? 20),
});
await pool.query(`CREATE TABLE IF NOT EXISTS floor_incident (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(), lat float8 NOT NULL, lng float8 NOT NULL, category text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now())`);

const http = createServer((req, res) => void handle(req, res));
const io = new Server(http, { transports: ['websocket'] });
io.on('connection', (socket) => void socket.join('consoles'));

async function body(req: IncomingMessage): Promise<{ location: { lat: number; lng: number } }> {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return JSON.parse(text) as { location: { lat: number; lng: number } };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'POST' || req.url !== '/incidents') {
    res.writeHead(404).end();
    return;
  }
  const { location } = await body(req);
  const client = await pool.connect();
  let row: { id: string; created_at: Date };
  try {
    await client.query('BEGIN');
    const inserted = await client.query<{ id: string; created_at: Date }>(
      `INSERT INTO floor_incident (lat, lng, category) VALUES ($1, $2, 'B') RETURNING id, created_at`,
      [location.lat, location.lng],
    );
    row = inserted.rows[0]!;
    await client.query('COMMIT');
  } finally {
    client.release();
  }
  const data = { id: row.id, category: 'B', location, createdAt: row.created_at.toISOString() };
  io.to('consoles').emit('incident.created', { seq: 0, type: 'incident.created', occurredAt: data.createdAt, data });
  res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(data));
}

http.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = http.address();
  process.stdout.write(`floor listening on ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => {
  // Not awaited: the process exits once the pool has ended, which closes what is left.
  void io.close();
  void pool.end().then(() => process.exit(0));
});
