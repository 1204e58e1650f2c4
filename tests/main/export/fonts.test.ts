import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  defaultFontDirs,
  describeFontSet,
  resolveFontSet,
  splitRuns,
  FONT_ROLES,
} from '../../../src/main/export/fonts';
import { RESOURCES } from '../../helpers/db';

const FONTS = path.join(RESOURCES, 'fonts');
const temps: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-fonts-'));
  temps.push(d);
  return d;
}
afterAll(() => temps.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const bundled = () => resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [tempDir()] });
const families = (runs: { text: string; face: { family: string } }[]) => runs.map((r) => [r.text, r.face.family]);

describe('resolveFontSet', () => {
  it('falls back to the bundled fonts when no official font is installed', () => {
    const set = bundled();
    for (const role of FONT_ROLES) {
      expect(set.roles[role].length).toBeGreaterThan(0);
      for (const face of set.roles[role]) {
        expect(face.official).toBe(false);
        expect(path.dirname(face.file)).toBe(FONTS);
        expect(fs.existsSync(face.file)).toBe(true);
      }
    }
    expect(set.roles.fangsong.map((f) => f.family)).toEqual(['FandolFang', 'Noto Serif SC']);
    expect(set.roles.heiti.map((f) => f.family)).toEqual(['Noto Sans SC']);
    expect(set.roles.songti.map((f) => f.family)).toEqual(['Noto Serif SC']);
    expect(set.roles.biaosong.map((f) => f.family)).toEqual(['Noto Serif SC Bold']);
  });

  it('prefers an official font found by file name, case-insensitively and in a subfolder', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'windows', 'Fonts'), { recursive: true });
    const simhei = path.join(dir, 'windows', 'Fonts', 'SimHei.TTF');
    fs.copyFileSync(path.join(FONTS, 'NotoSansSC-Regular.ttf'), simhei);
    const set = resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [dir] });
    expect(set.roles.heiti[0]).toEqual({ family: '黑体', file: simhei, official: true });
    // The bundled font stays behind it as the per-character fallback.
    expect(set.roles.heiti.slice(1).map((f) => [f.family, f.official])).toEqual([['Noto Sans SC', false]]);
    expect(set.roles.fangsong[0]!.official).toBe(false);
  });

  it('keeps every official 仿宋 found, 仿宋_GB2312 first, and names the face inside simsun.ttc', () => {
    const dir = tempDir();
    for (const name of ['simfang.ttf', 'FS_GB2312.ttf', 'simsun.ttc']) fs.writeFileSync(path.join(dir, name), '');
    const set = resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [dir] });
    expect(set.roles.fangsong.map((f) => [f.family, f.official])).toEqual([
      ['仿宋_GB2312', true],
      ['仿宋', true],
      ['FandolFang', false],
      ['Noto Serif SC', false],
    ]);
    expect(set.roles.songti[0]).toMatchObject({ family: '宋体', postscriptName: 'SimSun', official: true });
  });

  it('finds 方正小标宋 for the title role', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'FZXBSJW.TTF'), '');
    const set = resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [dir] });
    expect(set.roles.biaosong.map((f) => f.family)).toEqual(['方正小标宋简体', 'Noto Serif SC Bold']);
  });

  it('tolerates missing and unreadable search folders', () => {
    const set = resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [path.join(tempDir(), 'nope')] });
    expect(set.roles.heiti[0]!.official).toBe(false);
  });

  it('looks in the Windows font folders on Windows', () => {
    const dirs = defaultFontDirs({ WINDIR: 'D:\\Win', LOCALAPPDATA: 'E:\\Local' }, 'win32');
    expect(dirs).toEqual([path.join('D:\\Win', 'Fonts'), path.join('E:\\Local', 'Microsoft', 'Windows', 'Fonts')]);
    expect(defaultFontDirs({}, 'linux')).toContain('/usr/share/fonts');
  });
});

describe('describeFontSet', () => {
  it('lists each role with its primary font and fallbacks', () => {
    const set = bundled();
    expect(describeFontSet(set)).toEqual([
      {
        role: 'heiti',
        family: 'Noto Sans SC',
        file: path.join(FONTS, 'NotoSansSC-Regular.ttf'),
        official: false,
        fallbacks: [],
      },
      {
        role: 'songti',
        family: 'Noto Serif SC',
        file: path.join(FONTS, 'NotoSerifSC-Regular.ttf'),
        official: false,
        fallbacks: [],
      },
      {
        role: 'biaosong',
        family: 'Noto Serif SC Bold',
        file: path.join(FONTS, 'NotoSerifSC-Bold.ttf'),
        official: false,
        fallbacks: [],
      },
      {
        role: 'fangsong',
        family: 'FandolFang',
        file: path.join(FONTS, 'FandolFang-Regular.otf'),
        official: false,
        fallbacks: ['Noto Serif SC'],
      },
    ]);
  });
});

describe('splitRuns', () => {
  const fangsong = () => bundled().roles.fangsong;

  it('draws ordinary text with FandolFang and characters it lacks with Noto Serif SC', () => {
    const { runs, missing } = splitRuns('王堃、李喆提交3.035（万户）', fangsong());
    expect(families(runs)).toEqual([
      ['王', 'FandolFang'],
      ['堃', 'Noto Serif SC'],
      ['、李', 'FandolFang'],
      ['喆', 'Noto Serif SC'],
      ['提交3.035（万户）', 'FandolFang'],
    ]);
    expect(missing).toEqual([]);
  });

  it('reports characters no font has, once each, and still keeps them in the text', () => {
    // U+0378 is unassigned in Unicode; U+10FFFD is private use: no bundled font has either.
    const { runs, missing } = splitRuns('甲\u0378乙\u{10FFFD}丙\u0378', fangsong());
    expect(missing).toEqual(['\u0378', '\u{10FFFD}']);
    expect(runs.map((r) => r.text).join('')).toBe('甲\u0378乙\u{10FFFD}丙\u0378');
    expect(runs.every((r) => r.face.family === 'FandolFang')).toBe(true);
  });

  it('never counts whitespace or line breaks as missing, even those no font has (U+2028)', () => {
    const { runs, missing } = splitRuns(' 甲\t乙\n丙\u3000丁\u00a0戊\u2028己\r\n庚 ', fangsong());
    expect(missing).toEqual([]);
    // Line separators become pdfmake's "\n"; spaces FandolFang has stay as typed.
    expect(runs.map((r) => r.text).join('')).toBe(' 甲\t乙\n丙\u3000丁\u00a0戊\n己\n庚 ');
    // Spaces join the run around them instead of starting new ones.
    expect(runs).toHaveLength(1);
  });

  it('turns whitespace a face lacks into a plain space (Noto Sans SC has no tab)', () => {
    const { runs, missing } = splitRuns('\t甲\t乙', bundled().roles.heiti);
    expect(missing).toEqual([]);
    expect(runs.map((r) => r.text).join('')).toBe(' 甲 乙');
  });

  it('drops an invisible format character the surrounding font lacks rather than drawing a box', () => {
    const { runs, missing } = splitRuns('甲\u2063乙', fangsong()); // U+2063 INVISIBLE SEPARATOR
    expect(missing).toEqual([]);
    expect(runs.map((r) => r.text).join('')).toBe('甲乙');
  });

  it('skips a face fontkit cannot open (a broken official font)', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'simfang.ttf'), 'not a font');
    const set = resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [dir] });
    expect(set.roles.fangsong[0]!.family).toBe('仿宋');
    expect(families(splitRuns('甲堃', set.roles.fangsong).runs)).toEqual([
      ['甲', 'FandolFang'],
      ['堃', 'Noto Serif SC'],
    ]);
  });

  it('gives an empty text no runs', () => {
    expect(splitRuns('', fangsong())).toEqual({ runs: [], missing: [] });
  });
});
