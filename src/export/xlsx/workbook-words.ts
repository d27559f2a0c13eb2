import type { WorkbookWords } from '@/domain/matrix/workbook-columns';
import type { I18n } from '@/i18n/create-i18n';

/**
 * The words the matrix sheet's cells need beyond the rows' own texts, in the language of `i18n`.
 *
 * @param i18n - The workbook's language.
 */
export function workbookWords(i18n: I18n): WorkbookWords {
  const { t } = i18n;
  return {
    yes: t('matrix:row.yes'),
    no: t('matrix:row.no'),
    ipMissing: t('matrix:file.ipMissing'),
    checks: {
      verified: t('matrix:file.checks.verified'),
      blocked: t('matrix:file.checks.blocked'),
      untested: t('matrix:file.checks.untested'),
    },
  };
}
