// Like useApiQuery, plus reload() (after a revert, an added department…) and the last data that arrived, so a
// table can keep its rows under a loading overlay instead of blanking while the next page comes.
import { useCallback, useEffect, useState } from 'react';
import type { ArgsIn, Channel, Result } from '../../../../shared/api';
import { toApiError } from '../../lib/api';
import { useApi } from '../../lib/api-context';
import type { QueryState } from '../../lib/use-api-query';

interface Settled<T> {
  key: string;
  nonce: number;
  state: QueryState<T>;
}

export interface ReloadableQuery<T> {
  state: QueryState<T>;
  /** the newest successful answer, whatever arguments it was for (null before the first one) */
  lastData: T | null;
  reload: () => void;
}

export function useReloadableQuery<C extends Channel>(channel: C, args: ArgsIn<C>): ReloadableQuery<Result<C>> {
  const api = useApi();
  const key = `${channel} ${JSON.stringify(args)}`;
  const [nonce, setNonce] = useState(0);
  const [settled, setSettled] = useState<Settled<Result<C>> | null>(null);
  const [lastData, setLastData] = useState<Result<C> | null>(null);

  useEffect(() => {
    let current = true;
    const payload = JSON.parse(key.slice(channel.length + 1)) as ArgsIn<C>;
    api.call(channel, payload).then(
      (data) => {
        if (!current) return;
        setSettled({ key, nonce, state: { status: 'ok', data } });
        setLastData(data);
      },
      (e: unknown) => current && setSettled({ key, nonce, state: { status: 'error', error: toApiError(e) } }),
    );
    // An answer for arguments no longer asked for must not overwrite newer state.
    return () => {
      current = false;
    };
  }, [api, channel, key, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const fresh = settled !== null && settled.key === key && settled.nonce === nonce;
  return { state: fresh ? settled.state : { status: 'loading' }, lastData, reload };
}
