import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from './client';

export interface Loaded<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  readonly reload: () => void;
}

/** GETs `path` (nothing while it is null) and again on reload(); an answer to an older path is dropped. */
export function useApi<T>(path: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    api<T>('GET', path, { signal: controller.signal }).then(
      (data) => setState({ data, loading: false }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ error: error instanceof ApiError ? error : new ApiError(0, 'CONSOLE.UNEXPECTED', String(error)), loading: false });
      },
    );
    return () => controller.abort();
  }, [path, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { data: state.data, error: state.error, loading: state.loading, reload };
}

/**
 * Lists are read models a moment behind a write (normally well under a second, GET /health shows the lag): read
 * now, and again shortly after, so the page shows the write without the user reloading.
 */
export function afterWrite(reload: () => void): void {
  reload();
  window.setTimeout(reload, 800);
  window.setTimeout(reload, 2000);
}
