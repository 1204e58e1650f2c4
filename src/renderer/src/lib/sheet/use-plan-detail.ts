// plan/get for the sheet, with a reload that keeps showing the current data until the new answer arrives (a
// revert from the history drawer must not blank the sheet and lose the clerk's place).
import { useCallback, useEffect, useState } from 'react';
import type { PlanDetail } from '../../../../shared/model';
import { toApiError } from '../api';
import { useApi } from '../api-context';
import { sessionFor } from './use-sheet-saver';
import type { QueryState } from '../use-api-query';

interface Loaded {
  planId: number;
  state: QueryState<PlanDetail>;
}

export function usePlanDetail(planId: number): { state: QueryState<PlanDetail>; reload: () => void } {
  const api = useApi();
  const [nonce, setNonce] = useState(0);
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    let current = true;
    // Whatever this tab saved before the request is in the answer: from now on the server's values win over the
    // sheet's memory of its own saves (a revert in 修改记录, another window or the CLI may have changed them).
    sessionFor(api, planId).beginReload();
    api.call('plan/get', { plan: planId }).then(
      (data) => {
        if (!current) return;
        setLoaded({ planId, state: { status: 'ok', data } });
      },
      (e: unknown) => {
        if (!current) return;
        const error = toApiError(e);
        // A failed reload keeps the data on screen (the cells a revert touched are already updated from its
        // answer); only a first load shows the error in place of the sheet.
        setLoaded((prev) =>
          prev && prev.planId === planId && prev.state.status === 'ok'
            ? prev
            : { planId, state: { status: 'error', error } },
        );
      },
    );
    return () => {
      current = false;
    };
  }, [api, planId, nonce]);

  const reload = useCallback(() => setNonce((n) => n + 1), []);
  const state: QueryState<PlanDetail> = loaded && loaded.planId === planId ? loaded.state : { status: 'loading' };
  return { state, reload };
}
