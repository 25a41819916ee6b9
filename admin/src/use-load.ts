// A Preact hook that runs one API read, keeps its latest answer, and reloads on demand or when its keys change.

import { useCallback, useEffect, useState } from 'preact/hooks';
import type { ApiResult } from './api/http.ts';

export type Loaded<T> = { status: 'loading' } | { status: 'done'; result: ApiResult<T> };

export function useLoad<T>(read: () => Promise<ApiResult<T>>, keys: readonly unknown[]): { loaded: Loaded<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ status: 'loading' });
  const [turn, setTurn] = useState(0);
  useEffect(() => {
    let isCurrent = true;
    setLoaded({ status: 'loading' });
    void read().then((result) => { if (isCurrent) setLoaded({ status: 'done', result }); });
    return () => { isCurrent = false; };
  }, [...keys, turn]);
  const reload = useCallback(() => setTurn((value) => value + 1), []);
  return { loaded, reload };
}
