// Opens the printable close page. It needs the bearer token, which a plain link cannot send, so the page is
// fetched with the token and shown from a blob: URL in a window opened during the click (so no pop-up blocker).

import type { ApiResult } from '../../api/http.ts';

/** The blob URL is released once the new window has had time to load it. */
const blobUrlLifetimeMs = 60_000;

export type PrintOutcome = { ok: true } | { ok: false; code: 'popup_blocked' } | { ok: false; code: string; status: number };

export async function openPrintableClose(readPage: () => Promise<ApiResult<string>>): Promise<PrintOutcome> {
  const target = window.open('', '_blank');
  if (target === null) return { ok: false, code: 'popup_blocked' };
  const page = await readPage();
  if (!page.ok) {
    target.close();
    return { ok: false, code: page.error.code, status: page.error.status };
  }
  const url = URL.createObjectURL(new Blob([page.value], { type: 'text/html;charset=utf-8' }));
  target.location.href = url;
  setTimeout(() => URL.revokeObjectURL(url), blobUrlLifetimeMs);
  return { ok: true };
}
