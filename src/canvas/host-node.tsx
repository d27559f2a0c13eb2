import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import { useCatalogue } from '@/store/derived';
import { AnchorHandle } from './anchor-handle';
import { DRAG_HANDLE, type HostNodeType } from './canvas-types';
import { StatusBadge } from './status-badge';

/**
 * A host on the canvas: name, address, one badge per role; when the checks find errors or
 * warnings about it, an outline in the worst one's colour and a badge with their count. The dot
 * on its right starts a link; the invisible anchor is where links attach and where a new one is
 * dropped. Two handles only: each one costs layout, paint and hit testing, a thousand hosts over.
 */
export const HostNode = memo(function HostNode({ data, selected }: NodeProps<HostNodeType>) {
  const catalogue = useCatalogue();
  const { host, status } = data;
  const stateClass = status ? ` host-node--${status.level}` : '';
  return (
    <div className={`host-node${selected ? ' host-node--selected' : ''}${stateClass}`}>
      <AnchorHandle droppable />
      <Handle
        id={DRAG_HANDLE}
        type="source"
        position={Position.Right}
        className="host-handle"
        title="Drag to another host to link them"
      />
      {status && <StatusBadge status={status} className="host-node__badge" />}
      <div className="host-node__head">
        <span className="host-node__name" title={host.name}>
          {host.name}
        </span>
      </div>
      {(host.ip || host.site) && (
        <div className="host-node__meta">
          {host.ip && <span className="host-node__ip">{host.ip}</span>}
          {host.site && <span className="host-node__site">{host.site}</span>}
        </div>
      )}
      <div className="host-node__roles">
        {host.roles.length === 0 && <span className="role-badge role-badge--none">no roles</span>}
        {host.roles.map((roleId) => {
          const role = catalogue.roleById.get(roleId);
          return role ? (
            <span key={roleId} className="role-badge" style={{ background: role.color }} title={role.name}>
              {role.abbr}
            </span>
          ) : (
            <span key={roleId} className="role-badge role-badge--unknown" title={`Unknown role "${roleId}"`}>
              ? {roleId}
            </span>
          );
        })}
      </div>
    </div>
  );
});
