import { Handle, type NodeProps, Position, useConnection } from '@xyflow/react';
import { memo } from 'react';
import { useCatalogue } from '@/store/derived';
import type { HostNodeType } from './canvas-types';

const SIDES = [
  { id: 't', position: Position.Top },
  { id: 'r', position: Position.Right },
  { id: 'b', position: Position.Bottom },
  { id: 'l', position: Position.Left },
] as const;

/**
 * A host on the canvas: name, address, one badge per role. Four handles start a link; while a
 * link is being drawn the whole box becomes a drop target, so it need not hit a small dot.
 */
export const HostNode = memo(function HostNode({ id, data, selected }: NodeProps<HostNodeType>) {
  const catalogue = useCatalogue();
  const receiving = useConnection((c) => c.inProgress && c.fromNode.id !== id);
  const { host, status } = data;
  const stateClass = status ? ` host-node--${status.level}` : '';
  return (
    <div
      className={`host-node${selected ? ' host-node--selected' : ''}${stateClass}${receiving ? ' host-node--receiving' : ''}`}
    >
      {SIDES.map((side) => (
        <Handle key={side.id} id={side.id} type="source" position={side.position} className="host-handle" />
      ))}
      <Handle
        id="in"
        type="target"
        position={Position.Top}
        isConnectableStart={false}
        className={`host-node__drop${receiving ? ' host-node__drop--active' : ''}`}
      />
      <div className="host-node__head">
        <span className="host-node__name" title={host.name}>
          {host.name}
        </span>
        {status && (
          <span
            className={`host-node__status host-node__status--${status.level}`}
            role="img"
            aria-label={`${status.level}: ${status.messages.join('; ')}`}
            title={status.messages.join('\n')}
          >
            !
          </span>
        )}
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
