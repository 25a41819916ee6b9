// The API's body-size limit. A request that declares its length (Content-Length, no Transfer-Encoding) is judged by
// that header alone: the HTTP layer (Node's parser, Workers) never delivers more bytes than it declares, and reading
// `c.req.raw.body` to check would make @hono/node-server build a full fetch Request for every call (about 8% of a
// signed check-out's CPU). A body of unknown length is counted as it streams by hono's own bodyLimit.

import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

export function apiBodyLimit(bodyBytesMax: number, onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const streaming = bodyLimit({ maxSize: bodyBytesMax, onError: onTooLarge });
  return async (c, next) => {
    if (!mayHaveBody(c.req.method)) return next();
    const declared = c.req.header('Content-Length');
    if (declared === undefined || c.req.header('Transfer-Encoding') !== undefined) return streaming(c, next);
    if (!/^\d{1,16}$/.test(declared) || Number(declared) > bodyBytesMax) return onTooLarge(c);
    return next();
  };
}

/** GET and HEAD carry no body (fetch's Request refuses one); every other method may. */
export function mayHaveBody(method: string): boolean {
  return method !== 'GET' && method !== 'HEAD';
}
