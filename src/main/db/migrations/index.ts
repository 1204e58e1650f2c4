// Every schema change, in order. Version N is the N-th entry; forward-only.
// A migration is kept as SQL text in a .ts module so the same code runs bundled (Electron) and unbundled (tsx, vitest).
import m0001 from './0001-init';
import m0002 from './0002-evaluation-override';
import m0003 from './0003-import-and-submission';
import m0004 from './0004-appendix-layout';
import m0005 from './0005-setting';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: '0001-init', sql: m0001 },
  { version: 2, name: '0002-evaluation-override', sql: m0002 },
  { version: 3, name: '0003-import-and-submission', sql: m0003 },
  { version: 4, name: '0004-appendix-layout', sql: m0004 },
  { version: 5, name: '0005-setting', sql: m0005 },
];

export const LATEST_VERSION = MIGRATIONS.length;
