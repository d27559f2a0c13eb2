/** @vitest-environment jsdom */
import { act, fireEvent, screen } from '@testing-library/react';
import { makeDocument, makeHost } from '../builders';
import { renderCanvas } from './render-canvas';

describe('other people in a shared room, on the canvas', () => {
  it("shows each person's pointer with their name and outlines what they selected", async () => {
    const { store, container } = renderCanvas(
      makeDocument([makeHost('h1', ['site-server'], { name: 'P01-SITE' })]),
    );
    expect(container.querySelector('.presence')).toBeNull();
    act(() =>
      store.getState().setShare({
        status: 'online',
        peers: [{ client: 7, name: 'Ana', colour: 2, pointer: { x: 40, y: 60 }, hosts: ['h1'], links: [] }],
      }),
    );
    expect(await screen.findByText('Ana')).toBeInTheDocument();
    const presence = container.querySelector('.presence') as HTMLElement;
    expect(presence.style.getPropertyValue('--peer')).toBe('var(--presence-2)');
    expect(container.querySelectorAll('.presence__selection')).toHaveLength(1);
    act(() => store.getState().setShare({ peers: [] }));
    expect(screen.queryByText('Ana')).toBeNull();
  });

  it("sends this user's pointer in diagram coordinates while in a room, and its leaving", async () => {
    const { store, container } = renderCanvas(makeDocument([makeHost('h1', ['site-server'])]));
    const sent: unknown[] = [];
    act(() => store.getState().setSharePointer((at) => sent.push(at)));
    const pane = container.querySelector('.react-flow') as HTMLElement;
    fireEvent.pointerMove(pane, { clientX: 100, clientY: 50 });
    await act(() => new Promise((r) => requestAnimationFrame(() => r(undefined))));
    expect(sent.at(-1)).toEqual(expect.objectContaining({ x: expect.any(Number), y: expect.any(Number) }));
    fireEvent.pointerLeave(pane);
    expect(sent.at(-1)).toBeUndefined();
  });
});
