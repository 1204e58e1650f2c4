// Builds the application core once (database, repos, services) and hands it to whichever shell runs it:
// Electron, the browser bridge, the CLI, or a test. No module-level singletons.
import fs from 'node:fs';
import path from 'node:path';
import { backupDatabase, backupPath, removeStaleBackupTemps } from './db/backup';
import { openDatabase, type Db } from './db/connection';
import { removeLockInfo } from './db/lock';
import { migrate, type MigrateResult } from './db/migrate';
import { withRecoveryAdvice } from './db/recover';
import { createRepos, type Repos } from './db/repos';
import { loadSeed } from './db/seed';
import { systemClock, type Clock } from './services/clock';
import { createBackupService, type BackupService } from './services/backup-service';
import { createChangeLogService } from './services/change-log-service';
import { createImportService } from './services/import-service';
import { createIndicatorService } from './services/indicator-service';
import { createPlanImportService } from './services/plan-import-service';
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
  /** named to a second process refused the database, e.g. 'PlanDesk 桌面版' (db/lock.ts) */
  program?: string;
  /**
   * take the start-up rolling backup (services/backup-service.ts atStart): the desktop app and the browser version
   * do; tests and the CLI do not (a script run every minute must not churn the backups)
   */
  startupBackup?: boolean;
  /** told about problems that do not stop the start (e.g. the start-up backup could not be written) */
  onWarning?: (message: string) => void;
}

export interface AppContext {
  /** the open database; replaced (with repos and services) when a backup is restored — read it from here each time */
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
    planImport: ReturnType<typeof createPlanImportService>;
    backups: BackupService;
  };
  clock: Clock;
  /** the fonts that fill each PDF role, found once on first use (a folder scan) */
  fonts(): FontSet;
  close(): void;
}

/**
 * Opens (or creates) the database, checks it, migrates it, builds repos and services. A damaged database is refused
 * with AppError('DB_ERROR') naming the latest good backup (db/recover.ts), a database another process holds with one
 * naming that process (db/lock.ts).
 *
 * Restoring a backup swaps the database under the same context object: the backup service asks `replace` to close
 * the connection, move the old file aside, rename the checked staging file into place, reopen and migrate it, and
 * rebuild `db`, `repos` and `services` on this object. Shells keep their reference to the context and read
 * `ctx.services…` per call, so they carry on with the restored data. (SQLite's backup API cannot load a file into an
 * open connection, and copying table by table would fight the change log's append-only triggers.)
 */
export function createAppContext(opts: ContextOptions): AppContext {
  const clock = opts.clock ?? systemClock;
  const memory = opts.dbFile === ':memory:';
  if (!memory) fs.mkdirSync(path.dirname(path.resolve(opts.dbFile)), { recursive: true });
  const open = (image?: Buffer) => {
    try {
      return openDatabase({ file: opts.dbFile, nativeBinding: opts.nativeBinding, program: opts.program, image });
    } catch (e) {
      throw withRecoveryAdvice(e, opts.dbFile, new Date(clock.now()));
    }
  };
  const migrateOpened = (db: Db) =>
    migrate(db, { backup: (from) => backupDatabase(db, backupPath(opts.dbFile, new Date(clock.now()), `v${from}`)) });
  let fontSet: FontSet | undefined;
  const fonts = () => (fontSet ??= resolveFontSet({ resourcesDir: opts.resourcesDir, searchDirs: opts.fontDirs }));
  const actor = opts.actor ?? 'clerk';

  const db = open();
  try {
    const migration = migrateOpened(db);
    const backups = createBackupService({
      dbFile: opts.dbFile,
      db: () => ctx.db,
      clock,
      replace: (next) => replace(next),
    });
    const wire = (d: Db) => {
      const repos = createRepos(d);
      const plans = createPlanService(d, repos, clock);
      const indicators = createIndicatorService(d, repos, clock);
      const structure = createStructureService(d, repos, clock);
      const work = createWorkService(d, repos, clock);
      const reports = createReportService(plans, clock, fonts);
      // Kept from before: the import service takes a backup before it applies an import.
      const backupBeforeImport = () => void backups.create('import');
      const services = {
        plans,
        indicators,
        structure,
        work,
        changeLog: createChangeLogService(repos),
        reports,
        revert: createRevertService(repos, { indicators, structure, work }),
        imports: createImportService(d, repos, plans, indicators, backupBeforeImport),
        submissions: createSubmissionService(d, repos, clock, reports),
        lifecycle: createPlanLifecycleService(d, repos, clock, plans),
        planImport: createPlanImportService(d, repos, clock, backupBeforeImport),
        backups,
      };
      return { repos, services };
    };

    /** Swaps another database in (restore): see the comment above createAppContext. */
    const replace = (next: { file: string } | { image: Buffer }): MigrateResult => {
      const install = (d: Db, migration: MigrateResult) => Object.assign(ctx, { db: d, migration }, wire(d));
      if ('image' in next) {
        const fresh = open(next.image);
        let result: MigrateResult;
        try {
          result = migrateOpened(fresh);
        } catch (e) {
          fresh.close();
          throw e;
        }
        ctx.db.close();
        install(fresh, result);
        return result;
      }
      const previous = ctx.migration;
      ctx.db.close(); // checkpoints the WAL into the file and removes it
      const aside = `${opts.dbFile}.replaced-${process.pid}.tmp`;
      const moved: [string, string][] = [];
      for (const suffix of ['', '-wal', '-shm']) {
        if (!fs.existsSync(opts.dbFile + suffix)) continue;
        fs.renameSync(opts.dbFile + suffix, aside + suffix);
        moved.push([aside + suffix, opts.dbFile + suffix]);
      }
      let fresh: Db | undefined;
      try {
        fs.renameSync(next.file, opts.dbFile);
        fresh = open();
        const result = migrateOpened(fresh);
        install(fresh, result);
        for (const [from] of moved) fs.rmSync(from, { force: true });
        return result;
      } catch (e) {
        // Put the previous database back as it was and carry on with it.
        if (fresh?.open) fresh.close();
        for (const suffix of ['', '-wal', '-shm']) fs.rmSync(opts.dbFile + suffix, { force: true });
        for (const [from, to] of moved) fs.renameSync(from, to);
        install(open(), previous);
        throw e;
      }
    };

    const { repos, services } = wire(db);
    const ctx: AppContext = {
      db,
      dbFile: opts.dbFile,
      repos,
      actor,
      migration,
      services,
      clock,
      fonts,
      close() {
        if (ctx.db.open) ctx.db.close();
        if (!memory) removeLockInfo(opts.dbFile);
      },
    };
    if (migration.from === 0 && opts.seed !== false && services.plans.isEmpty()) {
      const { plan, sourceText } = loadSeed(opts.resourcesDir);
      services.plans.create(plan, sourceText, 'system');
    }
    if (opts.startupBackup) {
      // A backup that cannot be written (disk full, read-only folder) must not keep the clerk out of the data.
      try {
        removeStaleBackupTemps(opts.dbFile);
        backups.atStart(migration);
      } catch (e) {
        opts.onWarning?.(`启动时的自动备份未能完成：${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return ctx;
  } catch (e) {
    db.close();
    if (!memory) removeLockInfo(opts.dbFile);
    throw e;
  }
}
