import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CellWords } from '@/domain/matrix/row-words';

/** The words the matrix cells need beyond the rows' own texts (yes, no, test results), in the app's language. */
export function useCellWords(): CellWords {
  const { t, i18n } = useTranslation('matrix');
  // biome-ignore lint/correctness/useExhaustiveDependencies: the words change with the language only.
  return useMemo(
    () => ({
      yes: t('row.yes'),
      no: t('row.no'),
      checks: {
        verified: t('file.checks.verified'),
        blocked: t('file.checks.blocked'),
        untested: t('file.checks.untested'),
      },
    }),
    [i18n.language],
  );
}
