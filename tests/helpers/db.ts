import path from 'node:path';
import { createAppContext, type AppContext, type ContextOptions } from '../../src/main/context';

export const RESOURCES = path.resolve(__dirname, '../../resources');

/** A fixed clock so change-log times are predictable. */
export function fixedClock(iso = '2026-11-27T08:00:00.000Z') {
  let now = iso;
  return { now: () => now, set: (t: string) => (now = t) };
}

/** A fresh in-memory database with every real migration and, unless told otherwise, the embedded plan. */
export function memoryContext(opts: Partial<ContextOptions> = {}): AppContext {
  return createAppContext({
    dbFile: ':memory:',
    resourcesDir: RESOURCES,
    clock: fixedClock(),
    actor: 'tester',
    ...opts,
  });
}
