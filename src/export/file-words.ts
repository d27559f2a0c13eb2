import type { FileWords } from '@/domain/matrix/file-columns';
import type { I18n } from '@/i18n/create-i18n';

/**
 * The words file cells need beyond the rows' own texts, in the language of `i18n`.
 *
 * @param i18n - The file's language.
 * @param ipMissing - Whether an IP cell of a host without an IP says so (the workbook), or stays
 *   empty (CSV, which tools read: a word in an address column would be taken for an address).
 */
export function fileWords(i18n: I18n, ipMissing: boolean): FileWords {
  const { t } = i18n;
  return {
    yes: t('matrix:row.yes'),
    no: t('matrix:row.no'),
    ipMissing: ipMissing ? t('matrix:file.ipMissing') : '',
    checks: {
      verified: t('matrix:file.checks.verified'),
      blocked: t('matrix:file.checks.blocked'),
      untested: t('matrix:file.checks.untested'),
    },
  };
}
