/* The German message catalogue, one file per area: the app loads it on first use (load-german.ts). */

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

/** German, key for key as the English catalogue (tests/i18n/catalogues.test.ts). */
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
