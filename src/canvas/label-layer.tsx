import { useStore as useFlowStore } from '@xyflow/react';
import { createContext, type ReactNode, useContext, useLayoutEffect, useState } from 'react';

const LabelLayerContext = createContext<HTMLElement | null>(null);

/**
 * React Flow's layer for HTML edge labels, found once for all links. React Flow's own
 * EdgeLabelRenderer looks it up with a querySelector in a store selector, so each mounted label
 * ran one on every store update: 43 % of a pan at 3,000 hosts (issue 18). Mount it inside the
 * React Flow provider, around <ReactFlow>.
 */
export function LabelLayerProvider({ children }: { children: ReactNode }) {
  const domNode = useFlowStore((s) => s.domNode);
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  useLayoutEffect(() => {
    setLayer(domNode?.querySelector<HTMLElement>('.react-flow__edgelabel-renderer') ?? null);
  }, [domNode]);
  return <LabelLayerContext.Provider value={layer}>{children}</LabelLayerContext.Provider>;
}

/** The element edge labels are portalled into; null until React Flow has drawn it. */
export function useLabelLayer(): HTMLElement | null {
  return useContext(LabelLayerContext);
}
