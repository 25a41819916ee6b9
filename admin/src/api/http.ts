// The admin console's one door to the network: sends a JSON request with a timeout and turns every answer, and
// every operating error (offline, timeout), into a Result with the server's `{code, detail}` or `network`.

export type ApiError = { status: number; code: string; detail?: string };
export type ApiResult<T> = { ok: true; status: number; value: T } | { ok: false; error: ApiError };
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

/** A staff request that takes longer than this is shown as a network error the user can retry. */
export const requestTimeoutMs = 15_000;

export type RequestOptions = { method: string; path: string; token?: string; body?: unknown; accept?: Accept };
/** `text` answers a page as a string, `csv` a spreadsheet export as a string; `json` parses. */
export type Accept = 'json' | 'text' | 'csv';
const acceptHeaders: Record<Accept, string> = { json: 'application/json', text: 'text/html', csv: 'text/csv' };

export async function sendRequest<T>(fetchFn: FetchFn, options: RequestOptions): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: acceptHeaders[options.accept ?? 'json'] };
  if (options.token !== undefined) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  let text: string;
  try {
    response = await fetchFn(options.path, {
      method: options.method, headers, signal: AbortSignal.timeout(requestTimeoutMs), credentials: 'omit', cache: 'no-store',
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    text = await response.text();
  } catch (error) {
    return { ok: false, error: { status: 0, code: 'network', detail: error instanceof Error ? error.message : String(error) } };
  }
  return readAnswer<T>(response.status, text, options.accept ?? 'json');
}

/** Pure: a status and body text → the value, or the error body's code (a body that is not `{code}` is `http_<status>`). */
export function readAnswer<T>(status: number, text: string, accept: Accept): ApiResult<T> {
  const isSuccess = status >= 200 && status < 300;
  if (isSuccess && accept !== 'json') return { ok: true, status, value: text as T };
  const parsed = parseJson(text);
  if (isSuccess) return { ok: true, status, value: parsed as T };
  if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { code?: unknown }).code === 'string') {
    const { code, detail } = parsed as { code: string; detail?: unknown };
    return { ok: false, error: { status, code, ...(typeof detail === 'string' && { detail }) } };
  }
  return { ok: false, error: { status, code: `http_${status}` } };
}

function parseJson(text: string): unknown {
  if (text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // A non-JSON body (a proxy's HTML error page) carries no code; the caller falls back to the status.
    return undefined;
  }
}
