import { type ArgumentMetadata, Injectable, type PipeTransform } from '@nestjs/common';
import { UNSTORABLE_TEXT_MESSAGE, unstorableTextField } from '#contracts';
import { validationFailed } from './errors.js';

/** Refuses text PostgreSQL cannot store anywhere in the request, naming the field (`prefix` is the query or path). */
export function assertStorableText(value: unknown, prefix = ''): void {
  const field = unstorableTextField(value);
  if (field)
    validationFailedFor(
      prefix ? (field === '(body)' ? prefix : `${prefix}${field.startsWith('[') ? '' : '.'}${field}`) : field,
    );
}

function validationFailedFor(field: string): never {
  throw validationFailed([{ field, message: UNSTORABLE_TEXT_MESSAGE }]);
}

/**
 * Global pipe (the NUL rule): every body, query string and path parameter of every route, before its own pipes and
 * schemas, so a route added later is covered without remembering to.
 */
@Injectable()
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'body') assertStorableText(value);
    else if (metadata.type === 'query' || metadata.type === 'param') assertStorableText(value, metadata.data ?? '');
    return value;
  }
}
