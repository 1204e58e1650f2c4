// Which font draws which role (黑体 labels, 宋体 page numbers, 标宋 titles, 仿宋 body) in exported PDFs.
// GB/T 9704 names fonts that ship with Windows but may not be redistributed, so the official ones are used when
// this machine has them and the bundled open fonts (resources/fonts) take over otherwise — and per character,
// since FandolFang covers only about 7,900 characters. No Electron here: the CLI and tests resolve fonts too.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FontRoleInfo } from '../../shared/api';

export { charWidths, faceMetrics, fontBytes, splitRuns, usableFaces, type FontRun, type RunSplit } from './font-runs';

export type FontRole = 'heiti' | 'songti' | 'biaosong' | 'fangsong';
export const FONT_ROLES: readonly FontRole[] = ['heiti', 'songti', 'biaosong', 'fangsong'];

export interface FontFace {
  /** the name shown to the clerk and used as the pdfmake family key ('仿宋_GB2312', 'FandolFang') */
  family: string;
  /** absolute path of the font file */
  file: string;
  /** installed on this machine (an official font) rather than bundled */
  official: boolean;
  /** the face inside a TrueType collection (.ttc), e.g. 'SimSun' in simsun.ttc */
  postscriptName?: string;
}

/** [0] is the primary face of a role; the rest are tried per character when it lacks a glyph. */
export interface FontSet {
  roles: Record<FontRole, FontFace[]>;
}

interface OfficialCandidate {
  family: string;
  /** lower-case file names, as Windows and the usual Linux copies name them */
  files: string[];
  postscriptName?: string;
}

// Ordered by preference within a role. Every one found is kept: 仿宋_GB2312 covers only GB 2312, so 仿宋 (GBK)
// is a better per-character fallback than switching to the bundled font's different design.
const OFFICIAL: Record<FontRole, OfficialCandidate[]> = {
  fangsong: [
    { family: '仿宋_GB2312', files: ['fs_gb2312.ttf', '仿宋_gb2312.ttf', 'simfang_gb2312.ttf'] },
    { family: '仿宋', files: ['simfang.ttf', '仿宋.ttf'] },
  ],
  heiti: [{ family: '黑体', files: ['simhei.ttf', '黑体.ttf'] }],
  // simsun.ttc holds SimSun and NSimSun; pdfkit and fontkit pick the face by its PostScript name.
  songti: [
    { family: '宋体', files: ['simsun.ttc'], postscriptName: 'SimSun' },
    { family: '宋体', files: ['simsun.ttf', '宋体.ttf'] },
  ],
  biaosong: [
    { family: '方正小标宋简体', files: ['fzxbsjw.ttf', 'fzxbsjw--gb1-0.ttf', '方正小标宋简体.ttf'] },
    { family: '方正小标宋_GBK', files: ['fzxbsk.ttf', 'fzxbsk--gbk1-0.ttf', '方正小标宋_gbk.ttf'] },
  ],
};

// The bundled open fonts (resources/fonts/README.md): family name and file.
const BUNDLED = {
  fangsong: { family: 'FandolFang', file: 'FandolFang-Regular.otf' },
  serif: { family: 'Noto Serif SC', file: 'NotoSerifSC-Regular.ttf' },
  serifBold: { family: 'Noto Serif SC Bold', file: 'NotoSerifSC-Bold.ttf' },
  sans: { family: 'Noto Sans SC', file: 'NotoSansSC-Regular.ttf' },
} as const;

const BUNDLED_CHAIN: Record<FontRole, (keyof typeof BUNDLED)[]> = {
  fangsong: ['fangsong', 'serif'],
  heiti: ['sans'],
  songti: ['serif'],
  biaosong: ['serifBold'],
};

/** The folders where Windows, Linux (incl. UOS/Kylin) and macOS keep installed fonts. */
export function defaultFontDirs(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string[] {
  const home = os.homedir();
  if (platform === 'win32') {
    const windir = env.WINDIR ?? env.SystemRoot ?? 'C:\\Windows';
    const local = env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local');
    return [path.join(windir, 'Fonts'), path.join(local, 'Microsoft', 'Windows', 'Fonts')];
  }
  if (platform === 'darwin') return ['/Library/Fonts', path.join(home, 'Library', 'Fonts')];
  return [
    '/usr/share/fonts',
    '/usr/local/share/fonts',
    path.join(home, '.fonts'),
    path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'fonts'),
  ];
}

const MAX_DEPTH = 4;
const MAX_ENTRIES = 50_000;

/**
 * Lower-case file name → first path found. Reads directory listings only (no font is opened), to a bounded depth
 * and entry count, so a machine with thousands of fonts does not slow down an export.
 */
function scanFontFiles(dirs: string[]): Map<string, string> {
  const found = new Map<string, string>();
  let budget = MAX_ENTRIES;
  const walk = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return; // missing or unreadable folder: nothing installed there
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)); // same answer on every run
    for (const e of entries) {
      if (--budget < 0) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (depth < MAX_DEPTH) walk(full, depth + 1);
      } else if (/\.(ttf|otf|ttc)$/i.test(e.name)) {
        const key = e.name.toLowerCase();
        if (!found.has(key)) found.set(key, full);
      }
    }
  };
  for (const d of dirs) walk(d, 0);
  return found;
}

export function resolveFontSet(opts: { resourcesDir: string; searchDirs?: string[] }): FontSet {
  const installed = scanFontFiles(opts.searchDirs ?? defaultFontDirs());
  const bundledDir = path.join(opts.resourcesDir, 'fonts');
  const roles = {} as Record<FontRole, FontFace[]>;
  for (const role of FONT_ROLES) {
    const faces: FontFace[] = [];
    for (const c of OFFICIAL[role]) {
      const file = c.files.map((f) => installed.get(f)).find((f) => f !== undefined);
      if (file === undefined) continue;
      const face: FontFace = { family: c.family, file, official: true };
      if (c.postscriptName && /\.ttc$/i.test(file)) face.postscriptName = c.postscriptName;
      faces.push(face);
    }
    for (const key of BUNDLED_CHAIN[role]) {
      const b = BUNDLED[key];
      faces.push({ family: b.family, file: path.join(bundledDir, b.file), official: false });
    }
    roles[role] = faces;
  }
  return { roles };
}

export function describeFontSet(set: FontSet): FontRoleInfo[] {
  return FONT_ROLES.map((role) => {
    const [primary, ...rest] = set.roles[role];
    if (primary === undefined) throw new Error(`font role ${role} has no font`);
    return {
      role,
      family: primary.family,
      file: primary.file,
      official: primary.official,
      fallbacks: rest.map((f) => f.family),
    };
  });
}
