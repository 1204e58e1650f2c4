// Builds the application core once (database, repos, services) and hands it to whichever shell runs it:
// Electron, the browser bridge, the CLI, or a test. No module-level singletons.
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, backupPath } from './db/backup';
import { openDatabase, type Db } from './db/connection';
import { migrate, type MigrateResult } from './db/migrate';
import { createRepos, type Repos } from './db/repos';
import { loadSeed } from './db/seed';
import { systemClock, type Clock } from './services/clock';
import { createChangeLogService } from './services/change-log-service';
import { createImportService } from './services/import-service';
import { createIndicatorService } from './services/indicator-service';
import { createPlanLifecycleService } from './services/plan-lifecycle-service';
import { createPlanService } from './services/plan-service';
import { createReportService } from './services/report-service';
import { createRevertService } from './services/revert-service';
import { createStructureService } from './services/structure-service';
import { createSubmissionService } from './services/submission-service';
import { createWorkService } from './services/work-service';
import { resolveFontSet, type FontSet } from './export/fonts';

export interface ContextOptions {
  /** database file, or ':memory:' */
  dbFile: string;
  resourcesDir: string;
  nativeBinding?: string;
  clock?: Clock;
  /** who is recorded in the change log for writes made through this context */
  actor?: string;
  /** false leaves a new database empty (tests of the schema itself) */
  seed?: boolean;
  /** where to look for the official fonts (default: the system's font folders) */
  fontDirs?: string[];
}

export interface AppContext {
  db: Db;
  dbFile: string;
  repos: Repos;
  actor: string;
  migration: MigrateResult;
  services: {
    plans: ReturnType<typeof createPlanService>;
    indicators: ReturnType<typeof createIndicatorService>;
    changeLog: ReturnType<typeof createChangeLogService>;
    reports: ReturnType<typeof createReportService>;
    structure: ReturnType<typeof createStructureService>;
    work: ReturnType<typeof createWorkService>;
    revert: ReturnType<typeof createRevertService>;
    imports: ReturnType<typeof createImportService>;
    submissions: ReturnType<typeof createSubmissionService>;
    lifecycle: ReturnType<typeof createPlanLifecycleService>;
  };
  clock: Clock;
  /** the fonts that fill each PDF role, found once on first use (a folder scan) */
  fonts(): FontSet;
  close(): void;
}

export function createAppContext(opts: ContextOptions): AppContext {
  const clock = opts.clock ?? systemClock;
  if (opts.dbFile !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(opts.dbFile)), { recursive: true });
  const db = openDatabase({ file: opts.dbFile, nativeBinding: opts.nativeBinding });
  try {
    const migration = migrate(db, {
      backup: (from) => backupDatabase(db, backupPath(opts.dbFile, new Date(clock.now()), `v${from}`)),
    });
    const repos = createRepos(db);
    let fontSet: FontSet | undefined;
    const fonts = () => (fontSet ??= resolveFontSet({ resourcesDir: opts.resourcesDir, searchDirs: opts.fontDirs }));
    const plans = createPlanService(db, repos, clock);
    const indicators = createIndicatorService(db, repos, clock);
    const structure = createStructureService(db, repos, clock);
    const work = createWorkService(db, repos, clock);
    const reports = createReportService(plans, clock, fonts);
    const backupBeforeImport = () => {
      if (opts.dbFile !== ':memory:') backupDatabase(db, backupPath(opts.dbFile, new Date(clock.now()), 'import'));
    };
    const services = {
      plans,
      indicators,
      structure,
      work,
      changeLog: createChangeLogService(repos),
      reports,
      revert: createRevertService(repos, { indicators, structure, work }),
      imports: createImportService(db, repos, plans, indicators, backupBeforeImport),
      submissions: createSubmissionService(db, repos, clock, reports),
      lifecycle: createPlanLifecycleService(db, repos, clock, plans),
    };
    const actor = opts.actor ?? 'clerk';
    if (migration.from === 0 && opts.seed !== false && services.plans.isEmpty()) {
      const { plan, sourceText } = loadSeed(opts.resourcesDir);
      services.plans.create(plan, sourceText, 'system');
    }
    return {
      db,
      dbFile: opts.dbFile,
      repos,
      actor,
      migration,
      services,
      clock,
      fonts,
      close() {
        if (db.open) db.close();
      },
    };
  } catch (e) {
    db.close();
    throw e;
  }
}
