import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import type { FieldError } from '#contracts';
import { validationFailed } from './errors.js';
import { assertStorableText } from './storable-text.pipe.js';

/** Zod issues as the contract's field errors: `field` is the dotted path the client sent. */
export function fieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => (path ? `${path}.${k}` : k));
      return { field: prefix + keys.join(', '), message: `unknown field${keys.length > 1 ? 's' : ''} not allowed` };
    }
    const field = prefix + (path || '(body)');
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return { field, message };
  });
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, prefix = ''): z.output<S> {
  // The NUL rule also here, for bodies read straight from the request (the signed telephony webhook).
  assertStorableText(value, prefix.replace(/\.$/, ''));
  const result = schema.safeParse(value ?? {});
  if (!result.success) throw validationFailed(fieldErrors(result.error, prefix));
  return result.data;
}

/** `@Body(new ZodPipe(schema))`: the controller receives a typed, validated value or the caller a 400. */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  constructor(
    private readonly schema: S,
    private readonly prefix = '',
  ) {}
  transform(value: unknown): z.output<S> {
    return parseOrThrow(this.schema, value, this.prefix);
  }
}

/** An OpenAPI schema object generated from the same zod schema that validates the request. */
export function openApiSchema(schema: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  delete json.$schema;
  return json;
}
