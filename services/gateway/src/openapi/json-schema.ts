import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as an OpenAPI 3.1 Schema Object (JSON Schema 2020-12, the dialect 3.1 uses).
 * `input` describes what a client may send (before defaults and transforms), `output` what we send.
 * Refinements have no JSON Schema form; they stay in the validator and in the field descriptions.
 */
export function toSchemaObject(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** One OpenAPI parameter per field of an object schema (query or path). */
export function parametersOf(
  schema: z.ZodObject,
  location: 'query' | 'path',
): Array<Record<string, unknown>> {
  const objectSchema = toSchemaObject(schema, 'input');
  const properties = (objectSchema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((objectSchema.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: location,
      required: location === 'path' || required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}
