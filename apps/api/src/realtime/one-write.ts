import type { Server } from 'socket.io';

// A unit of work often commits more than one event for the same consoles (a create raises incident.created and
// call.updated). Socket.IO sends each as its own WebSocket frame, and engine.io writes the second only after the
// first's write has completed: two socket writes per console, the largest part of the server's CPU per create at
// scale (docs/performance.md, sixth round). Here every console's frames of one batch leave in a single write.
//
// This reaches into engine.io (its transport's `writable` flag and `flush`) and ws (the TCP socket under a
// WebSocket): the parts named below. `test/integration/one-write.e2e-spec.ts` fails if an upgrade changes them.

interface RawSocket {
  cork(): void;
  uncork(): void;
}

interface EngineConnection {
  transport: { name: string; writable: boolean; socket?: { _socket?: RawSocket } };
  /** Sends what the connection has buffered, when its transport is writable. */
  flush(): void;
}

/**
 * Runs `emitAll` (several emits) so that each WebSocket console receives all of their frames in one write: while it
 * runs, each idle WebSocket transport holds its packets (engine.io buffers them, in order, as it does while a write is
 * in flight); then each is flushed once with its TCP socket corked, so the frames go out in one writev. Consoles on
 * long-polling, or with a write already in flight, are left as they are: their packets follow the usual path.
 */
export function emitInOneWrite(server: Server, emitAll: () => void): void {
  const held: EngineConnection[] = [];
  for (const socket of server.sockets.sockets.values()) {
    const connection = socket.conn as unknown as EngineConnection;
    const transport = connection.transport;
    if (transport.name !== 'websocket' || !transport.writable) continue;
    transport.writable = false;
    held.push(connection);
  }
  try {
    emitAll();
  } finally {
    for (const connection of held) {
      connection.transport.writable = true;
      const raw = connection.transport.socket?._socket;
      raw?.cork();
      try {
        connection.flush();
      } finally {
        raw?.uncork();
      }
    }
  }
}
