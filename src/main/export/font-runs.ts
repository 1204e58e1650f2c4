// Per-character font runs: each character is drawn by the first face of its role that has a glyph for it, so a
// rare character (堃喆玥昇镕) missing in FandolFang comes from Noto Serif SC instead of printing as a box.
// Glyph coverage comes from fontkit, the engine pdfkit itself embeds fonts with.
import fs from 'node:fs';
import type { FontFace } from './fonts';

/** The slice of fontkit's Font this module reads. */
interface FontkitFont {
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(codePoint: number): boolean;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
}
interface Fontkit {
  create(bytes: Buffer, postscriptName?: string | null): FontkitFont | { fonts: unknown[] } | null;
}

// fontkit is a direct dependency at the exact version pdfkit uses (npm dedupes them into one copy), so glyph
// answers here match what pdfkit will draw. It ships no typings; the slice used here is typed above.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as Fontkit;
// Font files' bytes, read once per process: glyph look-ups here and pdfkit's embedding (through pdfmake's virtual
// file system, see pdf.ts) share them, so that an export neither re-reads nor re-allocates ~50 MB of fonts.
const files = new Map<string, Buffer | null>();

/** The bytes of a font file, vertical metrics unified (see below); null when it cannot be read. */
export function fontBytes(file: string): Buffer | null {
  let b = files.get(file);
  if (b === undefined) {
    try {
      b = unifyVerticalMetrics(fs.readFileSync(file));
    } catch {
      b = null;
    }
    files.set(file, b);
  }
  return b;
}

/**
 * Every face gets the same ascender and descender (those of Noto CJK, in ems), written into its hhea table.
 * pdfkit puts a line's baseline at the largest ascender among the faces in that line, so without this a line
 * holding one fallback character (堃 from Noto Serif SC in FandolFang text) would sit 0.27 em lower than its
 * neighbours. Outlines are untouched; the subsets embedded in the PDF carry the unified values.
 */
export const UNIFIED_ASCENT = 1.16;
export const UNIFIED_DESCENT = 0.288;

function unifyVerticalMetrics(buf: Buffer): Buffer {
  try {
    const collection = buf.toString('latin1', 0, 4) === 'ttcf';
    const bases = collection
      ? Array.from({ length: buf.readUInt32BE(8) }, (_, i) => buf.readUInt32BE(12 + 4 * i))
      : [0];
    for (const base of bases) {
      const tables = new Map<string, number>();
      for (let i = 0, n = buf.readUInt16BE(base + 4); i < n; i++) {
        const rec = base + 12 + 16 * i;
        tables.set(buf.toString('latin1', rec, rec + 4), buf.readUInt32BE(rec + 8));
      }
      const head = tables.get('head');
      const hhea = tables.get('hhea');
      if (head === undefined || hhea === undefined) continue;
      const upm = buf.readUInt16BE(head + 18);
      buf.writeInt16BE(Math.round(UNIFIED_ASCENT * upm), hhea + 4);
      buf.writeInt16BE(-Math.round(UNIFIED_DESCENT * upm), hhea + 6);
    }
  } catch {
    // Not an sfnt we can read: fontkit decides later whether the face is usable at all.
  }
  return buf;
}

// Opened fonts, by file and face; null for a file fontkit cannot read (it is then never chosen for a run).
const opened = new Map<string, FontkitFont | null>();

function openFace(face: FontFace): FontkitFont | null {
  const key = `${face.file}\0${face.postscriptName ?? ''}`;
  const hit = opened.get(key);
  if (hit !== undefined) return hit;
  let font: FontkitFont | null = null;
  try {
    const bytes = fontBytes(face.file);
    const f = bytes && fontkit.create(bytes, face.postscriptName ?? null);
    // A collection opened without a matching PostScript name is unusable as one face.
    font = f && 'hasGlyphForCodePoint' in f ? f : null;
  } catch {
    font = null;
  }
  opened.set(key, font);
  return font;
}

export interface FaceMetrics {
  /** ascender above the baseline, in ems (positive) */
  ascent: number;
  /** descender below the baseline, in ems (positive) */
  descent: number;
}

/** Vertical metrics the way pdfkit computes a line (hhea ascent/descent, no line gap). */
export function faceMetrics(face: FontFace): FaceMetrics {
  const f = openFace(face);
  if (!f) return { ascent: 0.88, descent: 0.12 }; // the ideographic em box, for a face that failed to open
  return { ascent: f.ascent / f.unitsPerEm, descent: -f.descent / f.unitsPerEm };
}

/** Whether fontkit could open the face; one it cannot read is never chosen for a run. */
export function isUsable(face: FontFace): boolean {
  return openFace(face) !== null;
}

/** The faces of a role that can be used, in order; all of them if none can (pdfkit then reports the error). */
export function usableFaces(faces: readonly FontFace[]): FontFace[] {
  const ok = faces.filter(isUsable);
  return ok.length > 0 ? ok : [...faces];
}

export interface FontRun {
  text: string;
  face: FontFace;
}

export interface RunSplit {
  runs: FontRun[];
  /** characters no face of the role can draw, deduplicated, in order of first appearance */
  missing: string[];
}

// Whitespace and line breaks are layout, not glyphs: never "missing". A line separator becomes "\n" (pdfmake's line
// break); other whitespace stays as typed where the surrounding face has it, else becomes a plain space, since a
// face without a glyph for it (Noto lacks the tab) would draw a box.
const SPACE = /^\s$/u;
const LINE_BREAK = /\r\n?|[\u2028\u2029\v\f]/g;
// Invisible format characters (zero-width space, BOM, joiners, variation selectors) pasted in from other programs:
// kept when the surrounding face has them, otherwise dropped rather than drawn as a .notdef box.
const INVISIBLE = /^[\p{Cf}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}]$/u;

const has = (face: FontFace, ch: string) => openFace(face)?.hasGlyphForCodePoint(ch.codePointAt(0)!) ?? false;
const spaceIn = (face: FontFace, ws: string) => [...ws].map((c) => (c === '\n' || has(face, c) ? c : ' ')).join('');

/**
 * Split `text` into runs, each drawn by the first face (in `faces` order) that has every glyph of the run.
 * A character no face has is put in a run of the primary face (pdfkit draws .notdef) and listed in `missing`.
 */
export function splitRuns(text: string, faces: readonly FontFace[]): RunSplit {
  const usable = faces.filter(isUsable);
  const primary = usableFaces(faces)[0];
  if (primary === undefined) throw new Error('no font face given');
  const runs: FontRun[] = [];
  const missing: string[] = [];
  let pendingSpace = ''; // leading whitespace waits for the face of the first visible character
  for (const ch of text.replace(LINE_BREAK, '\n')) {
    const last = runs.at(-1);
    if (INVISIBLE.test(ch)) {
      if (last && has(last.face, ch)) last.text += ch;
      continue;
    }
    if (SPACE.test(ch)) {
      if (last) last.text += spaceIn(last.face, ch);
      else pendingSpace += ch;
      continue;
    }
    let face = usable.find((f) => has(f, ch));
    if (face === undefined) {
      if (!missing.includes(ch)) missing.push(ch);
      face = primary;
    }
    if (last && last.face === face) last.text += ch;
    else runs.push({ text: spaceIn(face, pendingSpace) + ch, face });
    pendingSpace = '';
  }
  if (pendingSpace !== '') runs.push({ text: spaceIn(primary, pendingSpace), face: primary });
  return { runs, missing };
}

/**
 * Advance width in points of each character of `text` (in string order, one entry per code point) as drawn by
 * the face splitRuns would pick; used to balance the lines of short centred cells before pdfmake wraps them.
 */
export function charWidths(text: string, faces: readonly FontFace[], size: number): number[] {
  const usable = faces.filter(isUsable).map((f) => openFace(f)!);
  return [...text].map((ch) => {
    const cp = ch.codePointAt(0)!;
    const font = usable.find((f) => f.hasGlyphForCodePoint(cp)) ?? usable[0];
    return font ? (font.glyphForCodePoint(cp).advanceWidth / font.unitsPerEm) * size : size;
  });
}
