import {
  applyNodeChanges,
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  ControlButton,
  Controls,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  type OnDelete,
  Panel,
  ReactFlow,
  useConnection,
  useStore as useFlowStore,
  useStoreApi as useFlowStoreApi,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Host, Position } from '@/domain/document';
import type { Size } from '@/store/app-store';
import { useCatalogue, useDerivation, useProblems } from '@/store/derived';
import { ROLE_DRAG_TYPE } from '@/store/drag-role';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import {
  ANCHOR_HANDLE,
  type CanvasEdge,
  type CanvasNode,
  type GhostEdgeType,
  type HostNodeData,
  type HostNodeType,
  type LinkEdgeData,
  type LinkEdgeType,
  type PlaceholderNodeType,
} from './canvas-types';
import { HostSizesContext, type LabelView, LabelViewContext } from './label-context';
import { type LinkModel, labelDetail, labelScale, linkModels } from './link-model';
import { edgeTypes, nodeTypes } from './registry';

// Props of <ReactFlow> are module constants: a fresh array or object on every render (every drag
// frame, as the canvas is controlled) makes React Flow re-subscribe key handlers and re-render.
const ORIGIN: Position = { x: 0, y: 0 };
const FIT_OPTIONS = { padding: 0.08, maxZoom: 1.25 };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const CONNECTION_LINE_STYLE = { stroke: 'var(--link-connecting)', strokeWidth: 2, strokeDasharray: '6 4' };
const MINIMAP_STYLE = { width: 168, height: 112 };
const GRID_MIN_ZOOM = 0.3;
const GRID: [number, number] = [16, 16];
/** Half the size of a new host, so a dropped role lands under the pointer. */
const NEW_HOST_OFFSET = { x: 84, y: 30 };
/**
 * Above this many hosts only what is on screen is rendered (STACK.md). Below it, rendering
 * everything pans cheaper: no nodes mount and unmount as they cross the edge of the view.
 */
const VISIBLE_ONLY_ABOVE = 1500;
/**
 * From this many hosts the overview map starts hidden (a button shows it): it redraws on every pan
 * step, which at a thousand hosts costs about a fifth of each step (measured, README "Benchmarks").
 */
const OVERVIEW_HIDDEN_FROM = 500;
/** Where a missing role's placeholder goes from the hosts that need it, and how far it keeps from others. */
const PLACEHOLDER_OFFSET = { x: 200, y: 120 };
const PLACEHOLDER_STEP = 140;
const CROWDED = 120;

/**
 * A placeholder's place: below and to the right of the hosts that need it (where the Problems
 * panel's Fix puts the new host), moved down until no host is within reach.
 */
function placeholderPosition(
  sources: readonly string[],
  layout: Readonly<Record<string, Position>>,
  taken: readonly Position[],
): Position {
  const anchors = sources.map((id) => layout[id]).filter((p): p is Position => p !== undefined);
  if (anchors.length === 0) return ORIGIN;
  const x = Math.round(anchors.reduce((sum, p) => sum + p.x, 0) / anchors.length + PLACEHOLDER_OFFSET.x);
  let y = Math.round(anchors.reduce((sum, p) => sum + p.y, 0) / anchors.length + PLACEHOLDER_OFFSET.y);
  for (let step = 0; step < 200; step += 1) {
    if (!taken.some((p) => Math.hypot(p.x - x, p.y - y) < CROWDED)) break;
    y += PLACEHOLDER_STEP;
  }
  return { x, y };
}

function samePosition(a: Position | undefined, b: Position): boolean {
  return a !== undefined && a.x === b.x && a.y === b.y;
}

function hostUnder(target: EventTarget | null): string | null {
  if (!(target instanceof Element)) return null;
  return target.closest('.react-flow__node')?.getAttribute('data-id') ?? null;
}

/**
 * The diagram: hosts as nodes, links as edges coloured by service class. React Flow is controlled:
 * every change goes through store actions, and nodes and edges are rebuilt from the domain model.
 */
export function DiagramCanvas() {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const hosts = useAppStore((s) => s.hosts);
  const links = useAppStore((s) => s.links);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const selectedHostIds = useAppStore((s) => s.selectedHostIds);
  const selectedLinkIds = useAppStore((s) => s.selectedLinkIds);
  const reveal = useAppStore((s) => s.reveal);
  const fitRequest = useAppStore((s) => s.fitRequest);
  const capturing = useAppStore((s) => s.capturing);
  const problems = useProblems();
  const statuses = problems.hosts;
  const derivation = useDerivation();
  const flow = useReactFlow<CanvasNode, CanvasEdge>();
  const flowStore = useFlowStoreApi<CanvasNode, CanvasEdge>();
  const wrapper = useRef<HTMLDivElement>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [overviewChoice, setOverviewChoice] = useState<boolean | null>(null);
  const overview = overviewChoice ?? hosts.length < OVERVIEW_HIDDEN_FROM;
  /**
   * Where hosts being dragged are now. React Flow holds them until the drag ends, when they go to
   * the store once: a store update per pointer step would render the canvas twice per frame.
   */
  const live = useRef(new Map<string, Position>());
  const connecting = useConnection((c) => c.inProgress);
  // One subscription to the zoom for all link labels (rounded so small zoom steps do not re-render edges).
  const zoomDetail = useFlowStore((s) => labelDetail(s.transform[2]));
  const zoomScale = useFlowStore((s) => Math.round(labelScale(s.transform[2]) * 10) / 10);
  // The dot grid turns to grey haze far out and costs raster on every pan: only closer in.
  const showGrid = useFlowStore((s) => s.transform[2] >= GRID_MIN_ZOOM);
  const labelView = useMemo<LabelView>(
    // An exported image shows every port at natural size, whatever the zoom on screen.
    () => (capturing ? { detail: 'full', scale: 1 } : { detail: zoomDetail, scale: zoomScale }),
    [capturing, zoomDetail, zoomScale],
  );

  // Node data keeps its identity while its host and status are unchanged, so memo'd nodes skip renders.
  const nodeData = useRef(new WeakMap<Host, { key: string; data: HostNodeData }>());
  const dataFor = useCallback(
    (host: Host): HostNodeData => {
      const status = statuses.get(host.id);
      const key = status ? `${status.level}:${status.count}:${status.messages.join('|')}` : '';
      const cached = nodeData.current.get(host);
      if (cached && cached.key === key) return cached.data;
      const data = { host, status };
      nodeData.current.set(host, { key, data });
      return data;
    },
    [statuses],
  );

  // Unchanged hosts keep their node object, so a drag frame only makes React Flow re-adopt the moved ones.
  const nodeCache = useRef(new Map<string, HostNodeType>());
  const nodes = useMemo<HostNodeType[]>(() => {
    const selected = new Set(selectedHostIds);
    const next = new Map<string, HostNodeType>();
    const out = hosts.map((host) => {
      const position = live.current.get(host.id) ?? layout[host.id] ?? ORIGIN;
      const data = dataFor(host);
      const isSelected = selected.has(host.id);
      const size = measured[host.id];
      const className = dropTarget === host.id ? 'is-drop-target' : undefined;
      const old = nodeCache.current.get(host.id);
      const node: HostNodeType =
        old &&
        old.position === position &&
        old.data === data &&
        old.selected === isSelected &&
        old.measured === size &&
        old.className === className
          ? old
          : {
              id: host.id,
              type: 'host',
              position,
              data,
              selected: isSelected,
              ...(size ? { measured: size } : {}),
              ...(className ? { className } : {}),
              ariaLabel: `Host ${host.name}`,
            };
      next.set(host.id, node);
      return node;
    });
    nodeCache.current = next;
    return out;
  }, [hosts, layout, measured, selectedHostIds, dataFor, dropTarget]);

  // Placeholders for roles no host holds. Few, so rebuilt with the layout; an unchanged one keeps its object.
  const placeholderCache = useRef(new Map<string, PlaceholderNodeType>());
  const placeholders = useMemo<PlaceholderNodeType[]>(() => {
    if (problems.placeholders.length === 0 || capturing) {
      placeholderCache.current = new Map();
      return [];
    }
    const taken = Object.values(layout);
    const next = new Map<string, PlaceholderNodeType>();
    const out = problems.placeholders.map((p) => {
      const role = catalogue.roleById.get(p.role);
      const position = placeholderPosition(p.sources, layout, taken);
      taken.push(position);
      const size = measured[p.id];
      const old = placeholderCache.current.get(p.id);
      const node: PlaceholderNodeType =
        old &&
        samePosition(old.position, position) &&
        old.measured === size &&
        old.data.severity === p.severity
          ? old
          : {
              id: p.id,
              type: 'placeholder',
              position,
              data: {
                roleName: role?.name ?? p.role,
                abbr: role?.abbr ?? '?',
                color: role?.color ?? '#64748b',
                severity: p.severity,
              },
              draggable: false,
              selectable: false,
              connectable: false,
              deletable: false,
              focusable: false,
              ...(size ? { measured: size } : {}),
              ariaLabel: `Missing ${role?.name ?? p.role}`,
            };
      next.set(p.id, node);
      return node;
    });
    placeholderCache.current = next;
    return out;
  }, [problems.placeholders, layout, measured, catalogue, capturing]);

  const allNodes = useMemo<CanvasNode[]>(
    () => (placeholders.length === 0 ? nodes : [...nodes, ...placeholders]),
    [nodes, placeholders],
  );

  const models = useMemo(
    () => linkModels(links, derivation.flows, catalogue),
    [links, derivation, catalogue],
  );
  const linkStatuses = problems.links;
  const edgeData = useRef(new WeakMap<LinkModel, { key: string; data: LinkEdgeData }>());
  const edges = useMemo<LinkEdgeType[]>(() => {
    const selected = new Set(selectedLinkIds);
    const name = new Map(hosts.map((h) => [h.id, h.name]));
    return links.flatMap((link) => {
      const model = models.get(link.id);
      if (!model) return [];
      const status = linkStatuses.get(link.id);
      const key = status ? `${status.level}:${status.count}:${status.messages.join('|')}` : '';
      const cached = edgeData.current.get(model);
      let data = cached?.key === key ? cached.data : undefined;
      if (!data) {
        data = { model, status };
        edgeData.current.set(model, { key, data });
      }
      return [
        {
          id: link.id,
          source: link.source,
          target: link.target,
          sourceHandle: ANCHOR_HANDLE,
          targetHandle: ANCHOR_HANDLE,
          type: 'link',
          data,
          selected: selected.has(link.id),
          ariaLabel: `Link ${name.get(link.source) ?? link.source} – ${name.get(link.target) ?? link.target}`,
        },
      ];
    });
  }, [links, hosts, models, selectedLinkIds, linkStatuses]);

  // Missing connections, drawn dashed. Never in the document, the history or an exported image.
  const ghostIds = useRef(new Set<string>());
  const ghostEdges = useMemo<GhostEdgeType[]>(() => {
    ghostIds.current = new Set(capturing ? [] : problems.ghosts.map((g) => g.id));
    if (problems.ghosts.length === 0 || capturing) return [];
    const name = new Map(hosts.map((h) => [h.id, h.name]));
    for (const p of problems.placeholders)
      name.set(p.id, `missing ${catalogue.roleById.get(p.role)?.name ?? p.role}`);
    return problems.ghosts.map((ghost) => ({
      id: ghost.id,
      source: ghost.source,
      target: ghost.target,
      sourceHandle: ANCHOR_HANDLE,
      targetHandle: ANCHOR_HANDLE,
      type: 'ghost',
      data: { ghost },
      selectable: false,
      deletable: false,
      focusable: false,
      ariaLabel: `Missing link ${name.get(ghost.source) ?? ghost.source} – ${name.get(ghost.target) ?? ghost.target}`,
    }));
  }, [problems.ghosts, problems.placeholders, hosts, catalogue, capturing]);

  const allEdges = useMemo<CanvasEdge[]>(
    () => (ghostEdges.length === 0 ? edges : [...ghostEdges, ...edges]),
    [edges, ghostEdges],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      const positions: Record<string, Position> = {};
      const sizes: Record<string, Size> = {};
      const selection: { id: string; selected: boolean }[] = [];
      const moving: NodeChange<CanvasNode>[] = [];
      for (const change of changes) {
        // Placeholders are measured like hosts (their ghost links need the box) but never move or select.
        if (change.type === 'dimensions' && change.dimensions) sizes[change.id] = change.dimensions;
        else if ('id' in change && placeholderCache.current.has(change.id)) continue;
        else if (change.type === 'position' && change.position) {
          if (change.dragging) {
            live.current.set(change.id, change.position);
            moving.push(change);
          } else {
            live.current.delete(change.id);
            positions[change.id] = change.position;
          }
        } else if (change.type === 'select') selection.push(change);
        // 'remove' arrives through onDelete, as one undo step with the links.
      }
      if (moving.length > 0) {
        const flowState = flowStore.getState();
        flowState.setNodes(applyNodeChanges(moving, flowState.nodes));
      }
      const state = store.getState();
      if (Object.keys(sizes).length > 0) state.setMeasured(sizes);
      if (Object.keys(positions).length > 0) state.moveHosts(positions);
      if (selection.length > 0) state.changeSelection('host', selection);
    },
    [store, flowStore],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange<CanvasEdge>[]) => {
      const selection = changes.flatMap((c) =>
        c.type === 'select' && !ghostIds.current.has(c.id) ? [c] : [],
      );
      if (selection.length > 0) store.getState().changeSelection('link', selection);
    },
    [store],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      store.getState().linkHosts(connection.source, connection.target);
    },
    [store],
  );

  const onDelete: OnDelete<CanvasNode, CanvasEdge> = useCallback(
    ({ nodes: removed, edges: cut }) => {
      store.getState().removeElements(
        removed.flatMap((n) => (n.type === 'host' ? [n.id] : [])),
        cut.flatMap((e) => (e.type === 'link' ? [e.id] : [])),
      );
    },
    [store],
  );

  const onDragStart = useCallback(() => {
    wrapper.current?.classList.add('is-dragging');
    store.getState().beginDrag();
  }, [store]);
  // While the view moves it is one composited layer, so a pan step shifts pixels instead of
  // repainting every host and link; afterwards it is painted again, sharp at the new zoom.
  const onMoveStart = useCallback(() => wrapper.current?.classList.add('is-moving'), []);
  const onDragStop = useCallback(() => {
    wrapper.current?.classList.remove('is-dragging');
    store.getState().endDrag();
  }, [store]);

  const updateViewCenter = useCallback(() => {
    wrapper.current?.classList.remove('is-moving');
    const rect = wrapper.current?.getBoundingClientRect();
    if (!rect) return;
    const c = flow.screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
    if (Number.isFinite(c.x) && Number.isFinite(c.y))
      store.getState().setViewCenter({ x: Math.round(c.x), y: Math.round(c.y) });
  }, [flow, store]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(ROLE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    const over = hostUnder(event.target);
    setDropTarget((old) => (old === over ? old : over));
  }, []);

  const onDragLeave = useCallback((event: DragEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropTarget(null);
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const role = event.dataTransfer.getData(ROLE_DRAG_TYPE);
      setDropTarget(null);
      if (!role) return;
      event.preventDefault();
      const state = store.getState();
      const roleName = state.catalogue.roleById.get(role)?.name ?? role;
      const hostId = hostUnder(event.target);
      const host = hostId ? state.hosts.find((h) => h.id === hostId) : undefined;
      if (host) {
        if (host.roles.includes(role)) {
          state.notify({ tone: 'info', title: `${host.name} already holds the role ${roleName}.` });
          return;
        }
        state.addRoleToHost(host.id, role);
        state.select([host.id], []);
        state.notify({ tone: 'success', title: `Added ${roleName} to ${host.name}.` });
        return;
      }
      const p = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      // A view that is not set up yet yields NaN; the store then places the host mid-view.
      state.addHost(
        role,
        Number.isFinite(p.x) && Number.isFinite(p.y)
          ? { x: Math.round(p.x - NEW_HOST_OFFSET.x), y: Math.round(p.y - NEW_HOST_OFFSET.y) }
          : undefined,
      );
    },
    [flow, store],
  );

  // A matrix row or a problem was clicked, or a fix added something: bring it into view (a frame
  // later, so a host the fix just added is measured).
  useEffect(() => {
    if (!reveal || reveal.nodeIds.length === 0) return;
    const id = requestAnimationFrame(() => {
      void flow
        .fitView({
          nodes: reveal.nodeIds.map((nodeId) => ({ id: nodeId })),
          duration: 300,
          padding: 0.6,
          maxZoom: Math.max(1, flow.getZoom()),
        })
        .then(updateViewCenter);
    });
    return () => cancelAnimationFrame(id);
  }, [reveal, flow, updateViewCenter]);

  // A document was opened or a template added: show all of it.
  useEffect(() => {
    if (fitRequest === 0) return;
    const id = requestAnimationFrame(() => {
      // An empty diagram has nothing to fit: fitting it would jump to the largest zoom.
      if (store.getState().hosts.length === 0) {
        void flow.setViewport({ x: 40, y: 40, zoom: 1 }).then(updateViewCenter);
      } else void flow.fitView({ duration: 300, padding: 0.15, maxZoom: 1.25 }).then(updateViewCenter);
    });
    return () => cancelAnimationFrame(id);
  }, [fitRequest, flow, store, updateViewCenter]);

  const minimapColor = useCallback(
    (node: CanvasNode) =>
      node.type === 'host'
        ? (catalogue.roleById.get(node.data.host.roles[0] ?? '')?.color ?? '#94a3b8')
        : 'transparent',
    [catalogue],
  );

  return (
    <div
      className={`diagram${connecting ? ' is-connecting' : ''}${zoomDetail === 'none' && !capturing ? ' diagram--far' : ''}`}
      ref={wrapper}
    >
      <LabelViewContext.Provider value={labelView}>
        <HostSizesContext.Provider value={measured}>
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={allNodes}
            edges={allEdges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onDelete={onDelete}
            onNodeDragStart={onDragStart}
            onNodeDragStop={onDragStop}
            onSelectionDragStart={onDragStart}
            onSelectionDragStop={onDragStop}
            onInit={updateViewCenter}
            onMoveStart={onMoveStart}
            onMoveEnd={updateViewCenter}
            onDragOver={onDragOver}
            onDrop={onDrop}
            onDragLeave={onDragLeave}
            connectionMode={ConnectionMode.Loose}
            connectionRadius={28}
            connectionLineStyle={CONNECTION_LINE_STYLE}
            deleteKeyCode={DELETE_KEYS}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            selectionKeyCode="Shift"
            snapToGrid
            snapGrid={GRID}
            fitView={hosts.length > 0}
            fitViewOptions={FIT_OPTIONS}
            minZoom={0.02}
            maxZoom={2.5}
            onlyRenderVisibleElements={hosts.length > VISIBLE_ONLY_ABOVE}
            aria-label="Topology diagram"
          >
            {showGrid && (
              <Background variant={BackgroundVariant.Dots} gap={GRID[0]} size={1.2} color="var(--canvas-grid)" />
            )}
            <Controls showInteractive={false} position="bottom-left">
              <ControlButton
                onClick={() => setOverviewChoice(!overview)}
                aria-pressed={overview}
                aria-label={overview ? 'Hide the overview map' : 'Show the overview map'}
                title={overview ? 'Hide the overview map' : 'Show the overview map'}
              >
                <svg viewBox="0 0 16 16" aria-hidden="true">
                  <rect x="1.5" y="3" width="13" height="10" rx="1" fill="none" stroke="currentColor" />
                  <rect x="4" y="5.5" width="5" height="4" fill="currentColor" />
                </svg>
              </ControlButton>
            </Controls>
            {overview && (
              <MiniMap
                position="bottom-right"
                pannable
                zoomable
                nodeColor={minimapColor}
                nodeStrokeWidth={2}
                maskColor="var(--minimap-mask)"
                ariaLabel="Overview of the diagram"
                style={MINIMAP_STYLE}
              />
            )}
            {hosts.length === 0 && (
              <Panel position="top-center" className="diagram__empty">
                Drag a role from the palette onto the canvas, or press Enter on a role to add a host. Then
                drag from one host's edge to another to link them.
              </Panel>
            )}
          </ReactFlow>
        </HostSizesContext.Provider>
      </LabelViewContext.Provider>
    </div>
  );
}
