// Reading rendered PDFs back with poppler-utils (pdftotext, pdfinfo, pdffonts): an independent reader, so that the
// tests check the file a clerk's viewer sees, not pdfmake's intentions.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESOURCES } from '../../helpers/db';
import { resolveFontSet, type FontSet } from '../../../src/main/export/fonts';
import type { ReportMeta } from '../../../src/shared/report';

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/** Writes the bytes to a fresh temp file and returns helpers bound to it. */
export function pdfFile(bytes: Uint8Array, name = 'out.pdf') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-pdf-'));
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return {
    file,
    info: () => pdfInfo(file),
    fonts: () => pdfFonts(file),
    /** text of pages from..to (1-based, inclusive), or of the whole document */
    text: (from?: number, to?: number) =>
      run('pdftotext', [...(from ? ['-f', String(from), '-l', String(to ?? from)] : []), file, '-']),
    /** per page text, index 0 = page 1 */
    pages(): string[] {
      const n = Number(pdfInfo(file)['Pages']);
      return Array.from({ length: n }, (_, i) => this.text(i + 1));
    },
    /** text lines with their vertical extent (points from the page top), from pdftotext -bbox-layout */
    lines(page = 1): { top: number; bottom: number; text: string }[] {
      const out = run('pdftotext', ['-bbox-layout', '-f', String(page), '-l', String(page), file, '-']);
      const re = /<line xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
      return [...out.matchAll(re)].map((m) => ({
        top: Number(m[1]),
        bottom: Number(m[2]),
        text: [...m[3]!.matchAll(/>([^<]*)<\/word>/g)].map((w) => w[1]).join(''),
      }));
    },
    /** the size of each page, e.g. "595.28 x 841.89" */
    pageSizes(): string[] {
      const out = run('pdfinfo', ['-f', '1', '-l', '999', file]);
      return [...out.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+) pts/gm)].map((m) => m[1]!);
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', ['-isodates', file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export interface PdfFontRow {
  name: string;
  type: string;
  emb: string;
  sub: string;
  uni: string;
}

export function pdfFonts(file: string): PdfFontRow[] {
  const lines = run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim() !== '');
  return lines.map((l) => {
    // name, type (may contain spaces), encoding, emb, sub, uni, object id, generation
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
    if (!m) throw new Error(`unexpected pdffonts line: ${l}`);
    return { name: m[1]!, type: m[2]!, emb: m[4]!, sub: m[5]!, uni: m[6]! };
  });
}

/** All whitespace removed: wrapped cell lines join up again, "— 1 —" reads "—1—". */
export const squash = (s: string) => s.replace(/\s+/g, '');

/** Non-empty trimmed lines of pdftotext's (reading-order) output: one cell line each. */
export const tokens = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');

/** The bundled fonts only, whatever this machine has installed: stable output across machines. */
export function bundledFonts(): FontSet {
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'plandesk-nofonts-'));
  return resolveFontSet({ resourcesDir: RESOURCES, searchDirs: [empty] });
}

export const META: ReportMeta = {
  subject: '磐安县市场监督管理“十四五”规划',
  author: '磐安县市场监督管理局',
  now: new Date('2026-11-27T08:00:00.000Z'),
};
