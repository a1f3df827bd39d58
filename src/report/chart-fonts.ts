/**
 * The fonts charts are rendered with: DejaVu Sans from the dejavu-fonts-ttf
 * package, loaded by path so every machine renders the same pixels and the
 * PNGs never depend on (or lose text to) the system's fonts.
 */
import { join } from 'node:path';
import { packageFolder } from './package-folder.ts';

const fontFolder = join(packageFolder('dejavu-fonts-ttf'), 'ttf');

/** Regular and bold DejaVu Sans, the only weights the charts use. */
export const CHART_FONT_FILES = {
  regular: join(fontFolder, 'DejaVuSans.ttf'),
  bold: join(fontFolder, 'DejaVuSans-Bold.ttf'),
} as const;
