import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorHandle } from './anchor-handle';
import type { PlaceholderNodeType } from './canvas-types';

/**
 * Where a role no host holds would go: a dashed box with the role's badge, at the end of the
 * ghost links of the hosts that need it. It cannot be moved, selected or linked; the Problems
 * panel's Fix adds a real host in its place.
 */
export const PlaceholderNode = memo(function PlaceholderNode({ data }: NodeProps<PlaceholderNodeType>) {
  const { t } = useTranslation('canvas');
  return (
    <div
      className={`placeholder-node placeholder-node--${data.severity}`}
      title={t('missing.title', { role: data.roleName })}
    >
      <AnchorHandle droppable={false} />
      <span className="placeholder-node__eyebrow">{t('missing.eyebrow')}</span>
      <span className="placeholder-node__role">
        <span className="role-badge" style={{ background: data.color }}>
          {data.abbr}
        </span>
        <span className="placeholder-node__name">{data.roleName}</span>
      </span>
    </div>
  );
});
