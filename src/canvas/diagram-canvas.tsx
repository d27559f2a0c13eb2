import {
  Background,
  BackgroundVariant,
  type Connection,
  ConnectionMode,
  type EdgeChange,
  type OnDelete,
  Panel,
  ReactFlow,
  type ReactFlowInstance,
  useConnection,
  useStore as useFlowStore,
} from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDerivation, useProblems } from '@/store/derived';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import { useWords } from '@/store/use-words';
import { ghostEdges, linkEdges } from './canvas-elements';
import type { CanvasEdge, CanvasNode, GhostEdgeType, LinkEdgeType } from './canvas-types';
import { ContextMenu } from './context-menu';
import {
  FAR_TINY_HOSTS_ABOVE,
  FarLayer,
  farCapable,
  farNodes,
  farNodeTypes,
  useHostBounds,
} from './far-layer';
import { useFarMode } from './far-mode';
import { FindHost } from './find-host';
import { HostSizesContext, type LabelView, LabelViewContext } from './label-context';
import { LabelLayoutProvider } from './label-layout-provider';
import type { LinkModel } from './link-model';
import { labelDetail, labelScale } from './link-model';
import { createLinkModels } from './link-models';
import { OverviewMap, useOverview } from './overview-map';
import { PresenceLayer } from './presence-layer';
import { edgeTypes } from './registry';
import { type LiveNodes, useCanvasNodes } from './use-canvas-nodes';
import { useContextMenu } from './use-context-menu';
import { useDropPolicy } from './use-drop-policy';
import { useFlowAria } from './use-flow-aria';
import { useNodeChanges } from './use-node-changes';
import { usePrintFit } from './use-print-fit';
import { FIT_OPTIONS, useViewRequests, useZoomFloor } from './use-view-requests';
import { CANVAS_MENU_ITEMS } from './zone-menu-items';

// Props of <ReactFlow> are module constants: a fresh array or object on every render (every drag
// frame, as the canvas is controlled) makes React Flow re-subscribe key handlers and re-render.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const CONNECTION_LINE_STYLE = { stroke: 'var(--link-connecting)', strokeWidth: 2, strokeDasharray: '6 4' };
const GRID_MIN_ZOOM = 0.3;
const GRID: [number, number] = [16, 16];
/**
 * Above this many hosts only what is on screen is rendered (STACK.md): the diagrams the far layer
 * draws when very far, so zooming in past its threshold mounts the hosts in view, not all of them.
 * Below it, rendering everything pans cheaper: no nodes mount and unmount as they cross the view's edge.
 */
const VISIBLE_ONLY_ABOVE = FAR_TINY_HOSTS_ABOVE;
/** In far view the far layer draws the links: React Flow gets none (each would mount a component). */
const NO_EDGES: CanvasEdge[] = [];
const NO_MODELS: ReadonlyMap<string, LinkModel> = new Map();
const NO_GHOSTS: GhostEdgeType[] = [];
/**
 * The diagram: hosts as nodes, links as edges coloured by service class. React Flow is controlled:
 * every change goes through store actions, and nodes and edges are rebuilt from the domain model.
 */
export function DiagramCanvas() {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const { t } = useTranslation('canvas');
  const words = useWords();
  const ariaLabelConfig = useFlowAria();
  const hosts = useAppStore((s) => s.hosts);
  const links = useAppStore((s) => s.links);
  const measured = useAppStore((s) => s.measured);
  const selectedLinkIds = useAppStore((s) => s.selectedLinkIds);
  const capturing = useAppStore((s) => s.capturing);
  const problems = useProblems();
  const derivation = useDerivation();
  const wrapper = useRef<HTMLDivElement>(null);
  const { dropTarget, onDragOver, onDragLeave, onDrop } = useDropPolicy();
  // Fit once, at mount, when there is something to fit. A prop that turned true with the first
  // host made React Flow fit that one host at the largest zoom (issue 12): adding never zooms.
  const [fitAtMount] = useState(() => hosts.length > 0);
  const { onMoveStart, updateViewCenter } = useViewRequests(wrapper);
  // Set while a diagram drawn on the far layer is printed: drawn far, fitted to the paper.
  const farPrint = usePrintFit(wrapper);
  const menu = useContextMenu();
  /**
   * Where hosts being dragged are now. React Flow holds them until the drag ends, when they go to
   * the store once: a store update per pointer step would render the canvas twice per frame.
   */
  const live = useRef<LiveNodes>({ positions: new Map(), sizes: new Map() });
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

  // A large diagram seen from far draws its hosts on the far layer, not as DOM (issues 15, 18).
  const farSized = farCapable(hosts.length);
  const { far: farView, tiny: farTiny, settle, awaitingFit } = useFarMode(hosts, fitAtMount);
  const far = farView || farPrint !== undefined;
  const overview = useOverview(hosts.length);
  // While far React Flow gets no hosts but the selected ones (an image still takes every host), and
  // very far no zones or site bands. The overview map draws a host once its node carries its size.
  const farNodesOnly = far && (!capturing || farPrint !== undefined);
  const tiny = farNodesOnly && farTiny;
  const drawn = useCanvasNodes(live, dropTarget, { far: farNodesOnly, frames: tiny, sized: overview.shown });
  const { nodes: canvasNodes, placeholderIds, frames } = drawn;
  const bounds = useHostBounds(farSized, frames);
  const minZoom = useZoomFloor(bounds);
  const allNodes = useMemo(
    () => (farSized ? farNodes(canvasNodes, far, bounds) : canvasNodes),
    [farSized, canvasNodes, far, bounds],
  );

  // One link-model maker per catalogue: an edit re-makes only the links it touched.
  const linkModels = useMemo(() => createLinkModels(catalogue), [catalogue]);
  // Far, the far layer draws links from their flows and labels wait: models are made when the view
  // comes near (issue 18: ~0.3 s of a 100,000-host open).
  const models = useMemo(
    () => (far ? NO_MODELS : linkModels.update(links, derivation)),
    [far, linkModels, links, derivation],
  );
  const edgeCache = useRef<LinkEdgeType[]>([]);
  const edges = useMemo(() => {
    // The far layer draws the links: no edges are made until the view comes near (issue 18).
    if (far) return edgeCache.current;
    edgeCache.current = linkEdges(
      { links, hosts, models, selectedLinkIds, statuses: problems.links, t },
      edgeCache.current,
    );
    return edgeCache.current;
  }, [far, links, hosts, models, selectedLinkIds, problems.links, t]);

  // Ghost links are not selectable; their ids sit in a ref so onEdgesChange keeps its identity.
  const ghostIds = useRef(new Set<string>());
  const ghosts = useMemo(() => {
    // Far, React Flow gets no edges: the ghosts are made when the view comes near.
    if (far) return NO_GHOSTS;
    const next = ghostEdges({
      ghosts: problems.ghosts,
      placeholders: problems.placeholders,
      hosts,
      catalogue: words.catalogue,
      capturing,
      t,
    });
    ghostIds.current = new Set(next.map((g) => g.id));
    return next;
  }, [far, problems.ghosts, problems.placeholders, hosts, words.catalogue, capturing, t]);

  const allEdges = useMemo<CanvasEdge[]>(
    () => (far ? NO_EDGES : ghosts.length === 0 ? edges : [...ghosts, ...edges]),
    [edges, ghosts, far],
  );

  const onNodesChange = useNodeChanges(live, placeholderIds);
  const onMoveEnd = useCallback(() => {
    updateViewCenter();
    settle();
  }, [updateViewCenter, settle]);
  // A large diagram fits itself once React Flow has a view: its hidden hosts are not measured, so
  // the fitView prop's queued fit could run before the view exists.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, at mount (later documents are fitted by their fit request)
  const onInit = useCallback((flow: ReactFlowInstance<CanvasNode, CanvasEdge>) => {
    updateViewCenter();
    if (fitAtMount && farSized) void flow.fitView(FIT_OPTIONS).then(onMoveEnd);
  }, []);

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
      // A deleted zone takes its child nodes along in React Flow; its hosts stay unless they were selected too.
      const zones = removed.flatMap((n) => (n.type === 'zone' ? [n.data.zone.id] : []));
      const state = store.getState();
      if (zones.length > 0) state.deleteZones(zones);
      state.removeElements(
        removed.flatMap((n) => (n.type === 'host' && (zones.length === 0 || n.selected) ? [n.id] : [])),
        cut.flatMap((e) => (e.type === 'link' ? [e.id] : [])),
      );
    },
    [store],
  );

  const onDragStart = useCallback(() => {
    wrapper.current?.classList.add('is-dragging');
    store.getState().beginDrag();
  }, [store]);
  const onDragStop = useCallback(() => {
    wrapper.current?.classList.remove('is-dragging');
    store.getState().endDrag();
  }, [store]);

  return (
    <div
      className={`diagram${connecting ? ' is-connecting' : ''}${zoomDetail === 'none' && !capturing ? ' diagram--far' : ''}`}
      ref={wrapper}
    >
      <LabelViewContext.Provider value={labelView}>
        <HostSizesContext.Provider value={measured}>
          <LabelLayoutProvider
            models={models}
            view={labelView}
            visibleOnly={hosts.length > VISIBLE_ONLY_ABOVE}
            paused={far}
          >
            <ReactFlow<CanvasNode, CanvasEdge>
              nodes={allNodes}
              edges={allEdges}
              nodeTypes={farNodeTypes}
              edgeTypes={edgeTypes}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onDelete={onDelete}
              onNodeContextMenu={menu.onNodeContextMenu}
              onEdgeContextMenu={menu.onEdgeContextMenu}
              onPaneContextMenu={menu.onPaneContextMenu}
              onSelectionContextMenu={menu.onSelectionContextMenu}
              onNodeDragStart={onDragStart}
              onNodeDragStop={onDragStop}
              onSelectionDragStart={onDragStart}
              onSelectionDragStop={onDragStop}
              onInit={onInit}
              onMoveStart={onMoveStart}
              onMoveEnd={onMoveEnd}
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
              fitView={fitAtMount}
              fitViewOptions={FIT_OPTIONS}
              minZoom={minZoom}
              maxZoom={2.5}
              onlyRenderVisibleElements={hosts.length > VISIBLE_ONLY_ABOVE}
              elevateNodesOnSelect={false}
              aria-label={t('diagram.label')}
              ariaLabelConfig={ariaLabelConfig}
            >
              {showGrid && (
                <Background
                  variant={BackgroundVariant.Dots}
                  gap={GRID[0]}
                  size={1.2}
                  color="var(--canvas-grid)"
                />
              )}
              <FarLayer far={far} print={farPrint} frames={frames} awaitingFit={awaitingFit} />
              <OverviewMap overview={overview} />
              <FindHost onFound={updateViewCenter} />
              <PresenceLayer />
              <ContextMenu menu={menu} registry={CANVAS_MENU_ITEMS} />
              {hosts.length === 0 && (
                <Panel position="top-center" className="diagram__empty">
                  {t('diagram.empty')}
                </Panel>
              )}
            </ReactFlow>
          </LabelLayoutProvider>
        </HostSizesContext.Provider>
      </LabelViewContext.Provider>
    </div>
  );
}
