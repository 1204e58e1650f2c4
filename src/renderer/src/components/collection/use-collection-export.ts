// Generating 科室填报表: one export/collection call per chosen 科室 for the year, one after another (in Electron each
// opens its own save dialog), each delivered like every export; the outcome of each is kept for the dialog's list.
import { useRef, useState } from 'react';
import type { Department } from '../../../../shared/model';
import { useApi } from '../../lib/api-context';
import { useFileDelivery, type DeliveryOutcome } from '../../lib/use-file-delivery';

export interface CollectionResult {
  department: Department;
  outcome: DeliveryOutcome;
}

export interface CollectionExport {
  /** the 科室 being generated (1-based position) while running */
  current: { index: number; count: number; department: Department } | null;
  results: CollectionResult[];
  run: (departments: Department[]) => Promise<void>;
  reset: () => void;
  holders: ReturnType<typeof useFileDelivery>['holders'];
}

export function useCollectionExport(planId: number, year: number): CollectionExport {
  const api = useApi();
  const delivery = useFileDelivery();
  const [current, setCurrent] = useState<CollectionExport['current']>(null);
  const [results, setResults] = useState<CollectionResult[]>([]);
  const running = useRef(false);

  const run = async (departments: Department[]) => {
    if (running.current) return;
    running.current = true;
    setResults([]);
    try {
      for (const [i, department] of departments.entries()) {
        setCurrent({ index: i + 1, count: departments.length, department });
        const outcome = await delivery.run(
          () => api.call('export/collection', { plan: planId, year, departmentId: department.id }),
          { quiet: true },
        );
        setResults((list) => [...list, { department, outcome }]);
      }
    } finally {
      setCurrent(null);
      running.current = false;
    }
  };

  const reset = () => {
    if (running.current) return;
    setResults([]);
  };

  return { current, results, run, reset, holders: delivery.holders };
}
