// Saves a CSV the server answers only with the bearer token: fetched as text, then handed to the browser as a blob
// through a temporary <a download> so it lands in the downloads folder under a readable name.

import type { ApiError, ApiResult } from '../../api/http.ts';
import { withByteOrderMark } from './report-range.ts';

/** The blob URL is released once the browser has had time to start the download. */
const blobUrlLifetimeMs = 60_000;

export type SaveOutcome = { ok: true; fileName: string } | { ok: false; error: ApiError };

export async function saveCsv(readCsv: () => Promise<ApiResult<string>>, fileName: string): Promise<SaveOutcome> {
  const answer = await readCsv();
  if (!answer.ok) return { ok: false, error: answer.error };
  const url = URL.createObjectURL(new Blob([withByteOrderMark(answer.value)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), blobUrlLifetimeMs);
  return { ok: true, fileName };
}
