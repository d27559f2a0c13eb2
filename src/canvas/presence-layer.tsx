import { useStore as useFlowStore, useReactFlow, ViewportPortal } from '@xyflow/react';
import { useEffect } from 'react';
import { DEFAULT_HOST_SIZE } from '@/domain/layout/host-size';
import { useAppStore } from '@/store/store-context';

/**
 * Who else is in a shared room, on the canvas (issue 16): each person's pointer with their name,
 * and an outline in their colour around what they selected. This user's pointer goes out through
 * the share slice's sink, one update per animation frame at most.
 */
export function PresenceLayer() {
  const peers = useAppStore((s) => s.share.peers);
  const sink = useAppStore((s) => s.sharePointer);
  const layout = useAppStore((s) => s.layout);
  const measured = useAppStore((s) => s.measured);
  const zoom = useFlowStore((s) => s.transform[2]);
  const domNode = useFlowStore((s) => s.domNode);
  const { screenToFlowPosition } = useReactFlow();

  useEffect(() => {
    if (!sink || !domNode) return;
    let frame = 0;
    let last: PointerEvent | undefined;
    const send = () => {
      frame = 0;
      if (last) sink(screenToFlowPosition({ x: last.clientX, y: last.clientY }));
    };
    const move = (e: PointerEvent) => {
      last = e;
      if (!frame) frame = requestAnimationFrame(send);
    };
    const leave = () => {
      last = undefined;
      sink(undefined);
    };
    domNode.addEventListener('pointermove', move);
    domNode.addEventListener('pointerleave', leave);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      domNode.removeEventListener('pointermove', move);
      domNode.removeEventListener('pointerleave', leave);
    };
  }, [sink, domNode, screenToFlowPosition]);

  if (peers.length === 0) return null;
  const scale = 1 / Math.max(zoom, 0.05);
  return (
    <ViewportPortal>
      {peers.map((peer) => (
        <div
          key={peer.client}
          className="presence"
          style={{ '--peer': `var(--presence-${peer.colour})` } as never}
        >
          {peer.hosts.map((id) => {
            const at = layout[id];
            if (!at) return null;
            const size = measured[id] ?? DEFAULT_HOST_SIZE;
            return (
              <div
                key={id}
                className="presence__selection"
                style={{
                  transform: `translate(${at.x - 4}px, ${at.y - 4}px)`,
                  width: size.width + 8,
                  height: size.height + 8,
                }}
              />
            );
          })}
          {peer.pointer && (
            <div
              className="presence__pointer"
              style={{ transform: `translate(${peer.pointer.x}px, ${peer.pointer.y}px) scale(${scale})` }}
            >
              <svg width="16" height="20" viewBox="0 0 16 20" aria-hidden="true">
                <path d="M1 1 L1 17 L5.5 12.5 L9 19 L11.5 18 L8 11.5 L14 11.5 Z" />
              </svg>
              <span className="presence__name">{peer.name}</span>
            </div>
          )}
        </div>
      ))}
    </ViewportPortal>
  );
}
