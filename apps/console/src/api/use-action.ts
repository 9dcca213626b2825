import { useCallback, useState } from 'react';
import { ApiError } from './client';
import { newUuid } from './uuid';

export interface Action {
  readonly busy: boolean;
  readonly error: ApiError | undefined;
  /** True after the last run succeeded, until the next run. */
  readonly done: boolean;
  /** Runs a command with this action's Idempotency-Key; the key changes only after a success, so a retry is safe. */
  readonly run: (command: (idempotencyKey: string) => Promise<unknown>) => Promise<boolean>;
  readonly clear: () => void;
}

/** One button's (or form's) command: busy while it runs, its error kept to show beside it. */
export function useAction(): Action {
  const [state, setState] = useState<{ busy: boolean; error?: ApiError; done: boolean }>({ busy: false, done: false });
  const [key, setKey] = useState(newUuid);
  const run = useCallback(
    async (command: (idempotencyKey: string) => Promise<unknown>) => {
      setState({ busy: true, done: false });
      try {
        await command(key);
        setKey(newUuid());
        setState({ busy: false, done: true });
        return true;
      } catch (caught) {
        setState({ busy: false, done: false, error: caught instanceof ApiError ? caught : new ApiError(0, 'CONSOLE.UNEXPECTED', String(caught)) });
        return false;
      }
    },
    [key],
  );
  const clear = useCallback(() => setState({ busy: false, done: false }), []);
  return { busy: state.busy, error: state.error, done: state.done, run, clear };
}
