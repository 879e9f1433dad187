import type { z } from 'zod';

/**
 * How the sync layer sees a stored document, read from its zod schema rather than from a list of
 * today's fields, so a field another part of the app adds later syncs without changes here:
 * - a plain object (not nullable) is opened up, each of its fields synced on its own (`tracking.owner`);
 * - an array of objects is a collection of records, each record a CouchDB document of its own, keyed by
 *   its `id` or, for records without one (history entries, corrections), by a hash of its content;
 * - anything else (text, numbers, enums, nullable objects, lists of strings) is one value.
 * A field whose schema carries `.meta({ sync: 'personal' })` stays on this computer.
 */
export type Shape =
  | { kind: 'value' }
  | { kind: 'object'; fields: Record<string, Shape>; personal: Set<string> }
  | { kind: 'collection'; element: ObjectShape; keyed: boolean; optional: boolean };

export type ObjectShape = Extract<Shape, { kind: 'object' }>;

interface ZodInternals {
  _zod: { def: { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; getter?: () => z.ZodType } };
  meta?: () => Record<string, unknown> | undefined;
}

const internals = (schema: z.ZodType) => schema as unknown as ZodInternals;

/** Looks through optional() and default(): an absent array is an empty collection, an absent object has no fields. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    const def = internals(current)._zod.def;
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'prefault') && def.innerType) current = def.innerType;
    else if (def.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
}

export function shapeOf(schema: z.ZodType): Shape {
  const inner = unwrap(schema);
  const def = internals(inner)._zod.def;
  if (def.type === 'object' && def.shape) return objectShape(inner);
  if (def.type === 'array' && def.element) {
    const element = unwrap(def.element);
    if (internals(element)._zod.def.type === 'object') {
      const shape = objectShape(element);
      // An optional list left out stays left out (a report without other versions has no `versions`), so both sides read the same.
      return { kind: 'collection', element: shape, keyed: 'id' in shape.fields, optional: internals(schema)._zod.def.type === 'optional' };
    }
  }
  return { kind: 'value' };
}

export function objectShape(schema: z.ZodType): ObjectShape {
  const inner = unwrap(schema);
  const shape = internals(inner)._zod.def.shape;
  if (!shape) throw new Error('The sync mapping needs an object schema.');
  const fields: Record<string, Shape> = {};
  const personal = new Set<string>();
  for (const [name, field] of Object.entries(shape)) {
    fields[name] = shapeOf(field);
    if (internals(field).meta?.()?.sync === 'personal') personal.add(name);
  }
  return { kind: 'object', fields, personal };
}

/** The collection at a dotted path inside an object shape (`tracking.progress`), if there is one. */
export function collectionAt(shape: ObjectShape, path: string): Extract<Shape, { kind: 'collection' }> | null {
  let current: Shape = shape;
  for (const part of path.split('.')) {
    if (current.kind !== 'object') return null;
    const next: Shape | undefined = current.fields[part];
    if (!next) return null;
    current = next;
  }
  return current.kind === 'collection' ? current : null;
}

/** Whether a dotted value path (`tracking.owner`) is a field this version of the app knows. */
export function knowsValue(shape: ObjectShape, path: string): boolean {
  let current: Shape = shape;
  for (const part of path.split('.')) {
    if (current.kind !== 'object') return false;
    const next: Shape | undefined = current.fields[part];
    if (!next) return false;
    current = next;
  }
  return current.kind === 'value';
}
