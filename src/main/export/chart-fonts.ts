// Fonts for text inside an SVG node (the summary chart), so that its labels are real, extractable text in the
// embedded fonts rather than outlines or a substitute.
//
// How pdfmake 0.3.11 draws SVG text (read from node_modules/pdfmake/js/Renderer.js and svg-to-pdfkit): for each
// <text>/<tspan> it splits `font-family` at commas, finds a family of the document's font descriptors with that
// name (case-insensitive; else the node's `font`, else 'Roboto') and hands that descriptor's `normal` entry
// straight to pdfkit's `doc.font(...)`. Our text descriptors name files in pdfmake's virtual file system (holding
// references to faces opened once per process, see pdf-fonts.ts), which pdfkit cannot read (it would go to the
// disk). So each face also gets an SVG-only family whose `normal` is the face's PostScript name: pdfkit keeps every
// font it has opened under that name, and returns the very font object the document's text already uses — same
// embedded subset, same unified metrics, no second copy and no disk access. That holds only for a face the
// document's text has used before the SVG is drawn; pdfmake lays out (and opens the fonts of) all text before it
// draws anything, and summary-pdf.ts prints every chart string in the same font role as text on the same page.
// If that ever fails, svg-to-pdfkit reports it through the warning callback, which chartWarning turns into an error
// instead of letting it draw in whatever font was current.
import { fontBytes, type FontFace } from './fonts';

/** The SVG-only pdfmake family of the face whose text family is `key`. */
export const svgFamily = (key: string) => `svg ${key}`;

interface FontkitFace {
  postscriptName?: string | null;
}
interface Fontkit {
  create(bytes: Buffer, postscriptName?: string | null): FontkitFace | null;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as Fontkit;

const names = new Map<string, string | null>();

/** The PostScript name pdfkit files the face under (its `name`), or null when fontkit cannot tell. */
export function postscriptName(face: FontFace): string | null {
  if (face.postscriptName) return face.postscriptName; // a face in a .ttc: pdfkit keys it by this name too
  let name = names.get(face.file);
  if (name === undefined) {
    try {
      const bytes = fontBytes(face.file);
      name = (bytes && fontkit.create(bytes)?.postscriptName) || null;
    } catch {
      name = null;
    }
    names.set(face.file, name);
  }
  return name;
}

/** svg-to-pdfkit's warning callback for the chart: any warning (above all a font it could not open) is a bug. */
export function chartWarning(message: string): never {
  throw new Error(`summary chart: ${message}`);
}
