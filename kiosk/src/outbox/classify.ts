// Sorts a service answer into what the outbox does next. Pure.
// Stored outcomes (201 created, 200 exists) are success; 401 is retried after the client resyncs its clock.

export type Disposition = 'done' | 'retry' | 'rejected';

/** `null` status means the request never got an answer (network error, timeout). */
export function classifyAnswer(status: number | null): Disposition {
  if (status === null) return 'retry';
  if (status === 200 || status === 201) return 'done';
  // 401: a skewed clock or a nonce clash; the signed client has resynced its clock, so sending again can succeed.
  if (status === 401 || status === 408 || status === 425 || status === 429) return 'retry';
  if (status >= 500) return 'retry';
  // 400, 403, 404, 409 (id_reused, rule rejections), 422: the service's answer is final for this id.
  return 'rejected';
}

/** The `code` of an error body `{code, detail?}`, or a status-based code when the body has none. */
export function answerCode(status: number | null, body: unknown): string {
  if (status === null) return 'network_error';
  if (typeof body === 'object' && body !== null && 'code' in body && typeof body.code === 'string') return body.code;
  return `http_${status}`;
}
