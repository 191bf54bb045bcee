import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from './errors.js';

/** A path id that must be a UUID: a malformed id is a 400 naming the parameter, never a 500 from the database. */
export const uuidParam = (name: string): ParseUUIDPipe =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('VALIDATION_FAILED', `${name} must be a UUID`, [{ field: name, message: 'must be a UUID' }]),
  });
