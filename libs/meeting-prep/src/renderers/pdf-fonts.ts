import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces';

/** pdfmake's in-memory file system (not in its type definitions): fonts are read from it before any disk path. */
export interface VirtualFileSystem {
  existsSync(name: string): boolean;
  writeFileSync(name: string, content: Buffer): void;
}

/**
 * DejaVu Sans (Bitstream Vera licence, from the `dejavu-fonts-ttf` package): TrueType, so pdfkit embeds
 * only the glyphs a document uses (a subset), and it covers Latin with every extension the EU's
 * languages need (ł, ř, ș, ő, ħ …), Greek and Cyrillic, in all four styles the brief uses.
 */
const FILES = {
  normal: 'DejaVuSans.ttf',
  bold: 'DejaVuSans-Bold.ttf',
  italics: 'DejaVuSans-Oblique.ttf',
  bolditalics: 'DejaVuSans-BoldOblique.ttf',
} as const;

const FAMILY = 'DejaVuSans';

/**
 * Loads the font files into pdfmake's in-memory file system (once per process or worker thread) and
 * returns the font dictionary naming them, so no document ever opens a file on disk.
 */
export function pdfFonts(vfs: VirtualFileSystem): TFontDictionary {
  const dir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  for (const file of Object.values(FILES)) {
    if (!vfs.existsSync(file)) vfs.writeFileSync(file, readFileSync(join(dir, file)));
  }
  return { [FAMILY]: { ...FILES } };
}

export const PDF_FONT_FAMILY = FAMILY;
