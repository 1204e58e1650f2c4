// Loads one channel's result for the current arguments and exposes loading / data / error, so every page
// shows a spinner or an error instead of a blank area.
import { useEffect, useState } from 'react';
import type { ArgsIn, Channel, Result } from '../../../shared/api';
import { toApiError, type ApiError } from './api';
import { useApi } from './api-context';

export type QueryState<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; error: ApiError };

type Settled<T> = { key: string; state: QueryState<T> };

/** Pass `null` as args to wait (e.g. until a plan is chosen); the state then stays 'loading'. */
export function useApiQuery<C extends Channel>(channel: C, args: ArgsIn<C> | null): QueryState<Result<C>> {
  const api = useApi();
  // Arguments are plain JSON (they cross IPC/HTTP as such), so their JSON text identifies a request and
  // lets callers pass fresh object literals on every render without refetching.
  const key = args === null ? null : `${channel} ${JSON.stringify(args)}`;
  const [settled, setSettled] = useState<Settled<Result<C>> | null>(null);

  useEffect(() => {
    if (key === null) return;
    let current = true;
    const payload = JSON.parse(key.slice(channel.length + 1)) as ArgsIn<C>;
    api.call(channel, payload).then(
      (data) => current && setSettled({ key, state: { status: 'ok', data } }),
      (e: unknown) => current && setSettled({ key, state: { status: 'error', error: toApiError(e) } }),
    );
    // A late answer for arguments no longer shown (plan switched, page left) must not overwrite newer state.
    return () => {
      current = false;
    };
  }, [api, channel, key]);

  // A result for older arguments counts as loading: derived here instead of reset in the effect.
  if (key === null || settled === null || settled.key !== key) return { status: 'loading' };
  return settled.state;
}
