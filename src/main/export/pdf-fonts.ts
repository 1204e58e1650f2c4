// pdfmake's shared instance set up for one document, with fonts parsed once per process.
// pdfkit opens every font afresh for each document it makes: fontkit decodes the font's tables, then each glyph's
// outline for its metrics and again for the subset. That was about a quarter of an export's time, and an export
// lays out more than one document (pdf-breaks.ts measures before the PDF is made). So pdfmake's in-memory file
// system holds, instead of a font's bytes, a short reference ("PLANDESK-FONT:…:3") that no font format claims;
// a format registered with fontkit (registerFormat, its extension point) claims it and hands pdfkit the face this
// process has already opened, with the tables and glyphs it has decoded so far. pdfkit still makes its own subset
// per document (the subset copies what it takes, it never changes the face), so the bytes are the same as before.
import { createRequire } from 'node:module';
import { postscriptName, svgFamily } from './chart-fonts';
import { fontBytes, type FontFace } from './fonts';
import { TABLE_LAYOUT, TABLE_LAYOUT_NAME } from './pdf-layout';
import type { Texter } from './pdf-text';
import { pdfmake, type FontDescriptors, type PdfMakeServer } from './pdfmake-api';

interface Fontkit {
  create(bytes: Uint8Array, postscriptName?: string | null): object;
  registerFormat(format: unknown): void;
}

// A reference names this module instance too: should the module ever be loaded twice in one process (fontkit and
// pdfmake's file system being shared), each instance's format claims only its own references.
const INSTANCE = Math.random().toString(36).slice(2, 10);
const MAGIC = `PLANDESK-FONT:${INSTANCE}:`;

/** The faces handed out by reference: file and face, and the face once opened. */
const faces: { file: string; postscriptName?: string; opened?: object }[] = [];
const referenceOf = new Map<string, number>();

const text = (bytes: Uint8Array, from: number, to: number) =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', from, to);

/**
 * The fontkit "format" of references: fontkit tries each registered format's probe on the bytes it is given, then
 * constructs the first that matches; a constructor may return another object, here the face already opened.
 */
class SharedFace {
  static probe(bytes: Uint8Array): boolean {
    return bytes.byteLength < 64 && text(bytes, 0, MAGIC.length) === MAGIC;
  }

  constructor(stream: { buffer: Uint8Array }) {
    const face = faces[Number(text(stream.buffer, MAGIC.length, stream.buffer.byteLength))];
    if (!face) throw new Error('unknown font reference');
    const bytes = fontBytes(face.file);
    if (!bytes) throw new Error(`font file unreadable: ${face.file}`);
    face.opened ??= fontkit().create(bytes, face.postscriptName ?? null);
    return face.opened as SharedFace;
  }
}

let kit: Fontkit | undefined;

/** fontkit, the copy pdfkit uses (npm dedupes them, see font-runs.ts), with the reference format registered. */
function fontkit(): Fontkit {
  if (!kit) {
    kit = createRequire(__filename)('fontkit') as Fontkit;
    kit.registerFormat(SharedFace);
  }
  return kit;
}

/** The name in pdfmake's file system under which a face's reference is found; null when the file is unreadable. */
function fontFile(pm: PdfMakeServer, face: FontFace): string | null {
  if (!fontBytes(face.file)) return null;
  const identity = `${face.file}\0${face.postscriptName ?? ''}`;
  let n = referenceOf.get(identity);
  if (n === undefined) {
    n = faces.push({ file: face.file, postscriptName: face.postscriptName }) - 1;
    referenceOf.set(identity, n);
  }
  const name = `plandesk-fonts/${INSTANCE}/${n}`;
  if (!pm.virtualfs.existsSync(name)) pm.virtualfs.writeFileSync(name, Buffer.from(`${MAGIC}${n}`, 'latin1'));
  return name;
}

/** pdfmake's shared instance set up for one document; createPdf must follow synchronously. */
export function preparePdfmake(texter: Texter, svg = false): PdfMakeServer {
  fontkit();
  const pm = pdfmake();
  pm.addTableLayouts({ [TABLE_LAYOUT_NAME]: TABLE_LAYOUT });
  // Fonts reach pdfkit from pdfmake's in-memory file system: no disk access while rendering, and nothing else on
  // disk is readable at all.
  pm.setLocalAccessPolicy(() => false);
  // Fresh descriptors per document: pdfmake rewrites entries of the descriptor objects it is given.
  const descriptors: FontDescriptors = {};
  for (const [key, face] of texter.faces()) {
    // An unreadable file gets a name that is not in the file system: pdfkit then reports it, as it always did.
    descriptors[key] = { normal: fontFile(pm, face) ?? `plandesk-fonts/${face.file}` };
    // Text inside SVG (the summary chart) reaches pdfkit by the face's PostScript name: see chart-fonts.ts.
    const ps = svg ? postscriptName(face) : null;
    if (ps) descriptors[svgFamily(key)] = { normal: ps };
  }
  pm.setFonts(descriptors);
  return pm;
}
