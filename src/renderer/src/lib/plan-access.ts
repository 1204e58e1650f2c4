// Whether the plan on screen may be changed. A closed (已结束) plan is read-only: the core refuses every write to it,
// and the UI does not offer editing at all. App derives this once from the plan list and provides it; every editing
// control reads it here instead of checking the plan's status itself.
import { createContext, useContext } from 'react';

export interface PlanAccess {
  /** true for a closed plan: nothing may be edited, only viewed, exported and evaluated */
  readOnly: boolean;
  /** why, in the clerk's words (shown on disabled controls and when a keystroke is refused); null when editable */
  hint: string | null;
}

export const EDITABLE: PlanAccess = { readOnly: false, hint: null };

export const PlanAccessContext = createContext<PlanAccess>(EDITABLE);

export function usePlanAccess(): PlanAccess {
  return useContext(PlanAccessContext);
}
