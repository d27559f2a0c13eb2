/* One message catalogue per language, one file per area (namespace). Keys by area. */

import de_canvas from './de/canvas.json';
import de_checks from './de/checks.json';
import de_cli from './de/cli.json';
import de_common from './de/common.json';
import de_compare from './de/compare.json';
import de_export from './de/export.json';
import de_import from './de/import.json';
import de_matrix from './de/matrix.json';
import de_notices from './de/notices.json';
import de_panels from './de/panels.json';
import de_restore from './de/restore.json';
import de_store from './de/store.json';
import de_toolbar from './de/toolbar.json';
import en_canvas from './en/canvas.json';
import en_checks from './en/checks.json';
import en_cli from './en/cli.json';
import en_common from './en/common.json';
import en_compare from './en/compare.json';
import en_export from './en/export.json';
import en_import from './en/import.json';
import en_matrix from './en/matrix.json';
import en_notices from './en/notices.json';
import en_panels from './en/panels.json';
import en_restore from './en/restore.json';
import en_store from './en/store.json';
import en_toolbar from './en/toolbar.json';

/** The namespaces, one per area of the app: `t('panels:host.name')`. */
export const NAMESPACES = [
  'common',
  'toolbar',
  'panels',
  'notices',
  'canvas',
  'matrix',
  'checks',
  'export',
  'restore',
  'import',
  'cli',
  'store',
  'compare',
] as const;

export type Namespace = (typeof NAMESPACES)[number];

/** The English catalogue: the reference every other language must match key for key. */
export const EN = {
  common: en_common,
  toolbar: en_toolbar,
  panels: en_panels,
  notices: en_notices,
  canvas: en_canvas,
  matrix: en_matrix,
  checks: en_checks,
  export: en_export,
  restore: en_restore,
  import: en_import,
  cli: en_cli,
  store: en_store,
  compare: en_compare,
} as const;

export const DE = {
  common: de_common,
  toolbar: de_toolbar,
  panels: de_panels,
  notices: de_notices,
  canvas: de_canvas,
  matrix: de_matrix,
  checks: de_checks,
  export: de_export,
  restore: de_restore,
  import: de_import,
  cli: de_cli,
  store: de_store,
  compare: de_compare,
} as const;

/** Every language's catalogue. */
export const RESOURCES = { en: EN, de: DE } as const;
