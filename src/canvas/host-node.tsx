import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '@/store/store-context';
import { AnchorHandle } from './anchor-handle';
import { DRAG_HANDLE, type HostNodeType } from './canvas-types';
import { useHostMark } from './element-looks';
import { useElementWords } from './element-words';
import { hostMarks } from './host-marks';
import { StatusBadge } from './status-badge';
import { markClass } from './use-highlight';

/**
 * The host's name as a field, after a double-click: Enter or leaving it renames (the store checks
 * the name and says why it refused one), Escape keeps the old name. `nodrag` so selecting text in
 * it does not move the host.
 */
function NameField({ hostId, name, onDone }: { hostId: string; name: string; onDone: () => void }) {
  const store = useAppStoreApi();
  const { t } = useTranslation('canvas');
  const commit = (value: string) => {
    onDone();
    if (value.trim() === '' || value === name) return;
    const refused = store.getState().setHostField(hostId, 'name', value.trim());
    if (refused) store.getState().notify({ tone: 'warning', title: refused });
  };
  return (
    <input
      className="host-node__name-field nodrag"
      aria-label={t('host.nameField')}
      defaultValue={name}
      // biome-ignore lint/a11y/noAutofocus: the person just asked to rename this host by double-clicking it
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onBlur={(e) => commit(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur();
        else if (e.key === 'Escape') onDone();
      }}
    />
  );
}

/**
 * A host draws from its id, data and selection only. React Flow also hands it its measured size
 * and absolute position, which change once for every host when the canvas mounts (the size arrives)
 * and for every moved host on each drag frame: re-rendering a thousand hosts' badges for those
 * drew nothing new (issue 18).
 */
function sameHostProps(a: NodeProps<HostNodeType>, b: NodeProps<HostNodeType>): boolean {
  return a.id === b.id && a.data === b.data && a.selected === b.selected;
}

/**
 * A host on the canvas: name (double-click renames it), address, one badge per role and a mark per
 * role option that changes what it does (PXE, pull, site type); when the checks find errors or
 * warnings about it, an outline in the worst one's colour and a badge with their count. The dot
 * on its right starts a link; the invisible anchor is where links attach and where a new one is
 * dropped. Two handles only: each one costs layout, paint and hit testing, a thousand hosts over.
 * While the matrix is filtered, a host of a matching row is marked and the others are dimmed.
 */
export const HostNode = memo(function HostNode({ id, data, selected }: NodeProps<HostNodeType>) {
  const canvasWords = useElementWords();
  // The catalogue's words in the app's language (role names, option names): what the host shows.
  const { t, catalogue, words } = canvasWords;
  const mark = useHostMark(id);
  const [renaming, setRenaming] = useState(false);
  const { host, status } = data;
  const marks = hostMarks(host, words.catalogue);
  const stateClass = `${status ? ` host-node--${status.level}` : ''}${markClass('host-node', mark)}`;
  return (
    <div className={`host-node${selected ? ' host-node--selected' : ''}${stateClass}`}>
      <AnchorHandle droppable />
      <Handle
        id={DRAG_HANDLE}
        type="source"
        position={Position.Right}
        className="host-handle"
        title={canvasWords.linkHandle}
      />
      {status && <StatusBadge status={status} className="host-node__badge" />}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: double-click to rename is a mouse shortcut; the inspector's name field is the keyboard way */}
      <div className="host-node__head" onDoubleClick={() => setRenaming(true)}>
        {renaming ? (
          <NameField hostId={host.id} name={host.name} onDone={() => setRenaming(false)} />
        ) : (
          <span className="host-node__name" title={canvasWords.nameTitle(host.name)}>
            {host.name}
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
        {host.roles.length === 0 && (
          <span className="role-badge role-badge--none">{canvasWords.noRoles}</span>
        )}
        {host.roles.map((roleId) => {
          const role = catalogue.roleById.get(roleId);
          return role ? (
            <span
              key={roleId}
              className="role-badge"
              style={{ background: role.color }}
              title={words.role(roleId)}
            >
              {role.abbr}
            </span>
          ) : (
            <span
              key={roleId}
              className="role-badge role-badge--unknown"
              title={t('host.unknownRole', { id: roleId })}
            >
              ? {roleId}
            </span>
          );
        })}
        {marks.map((m) => (
          <span key={m.id} className="host-mark" title={m.title}>
            {m.text}
          </span>
        ))}
      </div>
    </div>
  );
}, sameHostProps);
