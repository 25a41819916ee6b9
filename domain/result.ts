// Result values for expected outcomes: a decision either succeeds with a value or fails with a named code.
// Pure: no I/O, no clock.

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<C extends string> = { readonly ok: false; readonly code: C; readonly detail?: string };
export type Result<T, C extends string> = Ok<T> | Err<C>;

export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

export function err<C extends string>(code: C, detail?: string): Err<C> {
  return detail === undefined ? { ok: false, code } : { ok: false, code, detail };
}
