import { type ArgumentsHost, Catch, type ExceptionFilter } from '@nestjs/common';
import { errorBody } from '../common/errors.js';
import { toDomainError } from '../common/http-exception.filter.js';
import type { EventsSocket } from './socket-types.js';

/** The socket side of the one error mapping: the same body as REST, emitted as `exception`. */
@Catch()
export class WsExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'ws') return;
    const socket = host.switchToWs().getClient<EventsSocket>();
    socket.emit('exception', errorBody(toDomainError(exception)));
  }
}
