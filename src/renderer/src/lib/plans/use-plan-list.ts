// The plan list the whole window works from (switcher, read-only state, 规划管理). Refreshed after a plan is created,
// closed, reopened or imported and after a restore; while a refresh is under way the previous list stays on screen, so
// the pages are not torn down. refresh() resolves once the new list has arrived (a caller may then switch plans).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlanSummary } from '../../../../shared/model';
import { toApiError } from '../api';
import { useApi } from '../api-context';
import type { QueryState } from '../use-api-query';

export interface PlanList {
  state: QueryState<PlanSummary[]>;
  /** the plans shown: the latest list that arrived (empty before the first) */
  plans: PlanSummary[];
  refresh: () => Promise<void>;
}

export function usePlanList(): PlanList {
  const api = useApi();
  const [nonce, setNonce] = useState(0);
  const [state, setState] = useState<QueryState<PlanSummary[]>>({ status: 'loading' });
  // Callers of refresh() waiting for the next list to land.
  const waiting = useRef<(() => void)[]>([]);

  useEffect(() => {
    let current = true;
    const settle = () => {
      const done = waiting.current;
      waiting.current = [];
      done.forEach((resolve) => resolve());
    };
    api.call('plan/list', {}).then(
      (data) => {
        if (!current) return;
        setState({ status: 'ok', data });
        settle();
      },
      (e: unknown) => {
        if (!current) return;
        const error = toApiError(e);
        // A failed refresh keeps the list on screen; only a first load shows the error.
        setState((prev) => (prev.status === 'ok' ? prev : { status: 'error', error }));
        settle();
      },
    );
    // Only the newest request may set the state: an older answer arriving late is dropped.
    return () => {
      current = false;
    };
  }, [api, nonce]);

  const refresh = useCallback(
    () =>
      new Promise<void>((resolve) => {
        waiting.current.push(resolve);
        setNonce((n) => n + 1);
      }),
    [],
  );

  return { state, plans: state.status === 'ok' ? state.data : [], refresh };
}
