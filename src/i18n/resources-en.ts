/* The English message catalogue, one file per area (namespace): the app starts with it. */

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
