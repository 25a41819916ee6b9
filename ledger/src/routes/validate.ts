// Small request validators (no schema library): each check returns the typed value or `invalid_input` with a
// detail naming the field, e.g. `title: required`. Unknown fields are ignored so the protocol can grow.

import type { Context } from 'hono';
import { err, ok, type Result } from '../../../domain/result.ts';

export type Check<T> = (value: unknown, field: string) => Result<T, 'invalid_input'>;
type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

const invalid = (field: string, reason: string) => err('invalid_input', `${field}: ${reason}`);

export function text(options: { min?: number; max: number; pattern?: RegExp }): Check<string> {
  return (value, field) => {
    if (value === undefined || value === null) return invalid(field, 'required');
    if (typeof value !== 'string') return invalid(field, 'must be a string');
    if (value.length < (options.min ?? 1) || value.length > options.max) return invalid(field, `length must be ${options.min ?? 1}–${options.max}`);
    if (options.pattern && !options.pattern.test(value)) return invalid(field, 'bad format');
    return ok(value);
  };
}

export function integer(min: number, max: number): Check<number> {
  return (value, field) => {
    if (value === undefined || value === null) return invalid(field, 'required');
    return Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max ? ok(value as number) : invalid(field, `must be an integer ${min}–${max}`);
  };
}

export const boolean: Check<boolean> = (value, field) => (typeof value === 'boolean' ? ok(value) : invalid(field, 'must be true or false'));

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value, field) => ((values as readonly unknown[]).includes(value) ? ok(value as T) : invalid(field, `must be one of ${values.join(', ')}`));
}

/** ISO-8601 date-time with an explicit offset (`2026-04-01T09:00:00+08:00` or `...Z`), as ms since the epoch. */
export const isoTime: Check<number> = (value, field) => {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return invalid(field, 'must be ISO-8601 with offset');
  const ms = Date.parse(value);
  return Number.isSafeInteger(ms) ? ok(ms) : invalid(field, 'not a real time');
};

export const calendarDate: Check<string> = (value, field) =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? ok(value) : invalid(field, 'must be YYYY-MM-DD');

export function optional<T>(check: Check<T>): Check<T | undefined> {
  return (value, field) => (value === undefined || value === null ? ok(undefined) : check(value, field));
}

export function object<S extends Shape>(shape: S): Check<Checked<S>> {
  return (value, field) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid(field, 'must be an object');
    const out: Record<string, unknown> = {};
    for (const [key, check] of Object.entries(shape)) {
      const result = check((value as Record<string, unknown>)[key], field === '' ? key : `${field}.${key}`);
      if (!result.ok) return result;
      if (result.value !== undefined) out[key] = result.value;
    }
    return ok(out as Checked<S>);
  };
}

export function arrayOf<T>(check: Check<T>, itemsMax: number): Check<T[]> {
  return (value, field) => {
    if (!Array.isArray(value) || value.length > itemsMax) return invalid(field, `must be a list of at most ${itemsMax}`);
    const out: T[] = [];
    for (const [index, item] of value.entries()) {
      const result = check(item, `${field}[${index}]`);
      if (!result.ok) return result;
      out.push(result.value);
    }
    return ok(out);
  };
}

/** Reads and checks a JSON body: `invalid_json` when it is not JSON, `invalid_input` when a field is wrong. */
export async function readBody<S extends Shape>(c: Context, shape: S): Promise<Result<Checked<S>, 'invalid_json' | 'invalid_input'>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    return err('invalid_json');
  }
  return object(shape)(body, '');
}

export function readQuery<S extends Shape>(c: Context, shape: S): Result<Checked<S>, 'invalid_input'> {
  return object(shape)(c.req.query(), '');
}

/** Query-string integers arrive as text. */
export function queryInteger(min: number, max: number): Check<number> {
  return (value, field) => (typeof value === 'string' && /^\d{1,15}$/.test(value) ? integer(min, max)(Number(value), field) : invalid(field, `must be an integer ${min}–${max}`));
}

export const idText = text({ max: 64, pattern: /^[0-9A-Za-z_-]+$/ });
