// A second process for tests/main/lock.test.ts (run with `node --import tsx`), so the lock is tested between real
// processes. Usage: lock-child.ts open FILE          → tries PlanDesk's own open, prints the outcome as JSON
//                   lock-child.ts raw FILE           → a plain better-sqlite3 read, as any SQLite tool would do it
//                   lock-child.ts hold FILE PROGRAM  → opens, prints {"held":pid}, then waits to be killed
import Database from 'better-sqlite3';
import path from 'node:path';
import { createAppContext } from '../../src/main/context';
import { isAppError } from '../../src/shared/errors';

const [mode, file, program] = process.argv.slice(2) as [string, string, string | undefined];
const resourcesDir = path.resolve(__dirname, '../../resources');
const print = (v: unknown) => process.stdout.write(`${JSON.stringify(v)}\n`);

if (mode === 'raw') {
  try {
    const db = new Database(file, { timeout: 200 });
    print({ ok: true, n: db.prepare('SELECT count(*) AS n FROM sqlite_master').get() });
    db.close();
  } catch (e) {
    print({ ok: false, code: (e as { code?: string }).code, message: (e as Error).message });
  }
} else {
  try {
    const ctx = createAppContext({ dbFile: file, resourcesDir, actor: 'child', program: program ?? '子进程' });
    if (mode === 'hold') {
      // Keep the context reachable: once `ctx` goes out of scope, a garbage collection may close the connection
      // (better-sqlite3 closes on finalisation) and release the lock — which made this test flaky under load.
      (globalThis as { heldContext?: unknown }).heldContext = ctx;
      print({ held: process.pid });
      setInterval(() => undefined, 1000);
    } else {
      print({ ok: true, plans: ctx.services.plans.list().length });
      ctx.close();
    }
  } catch (e) {
    print(
      isAppError(e)
        ? { ok: false, code: e.code, message: e.message, details: e.details }
        : { ok: false, message: String(e) },
    );
  }
}
