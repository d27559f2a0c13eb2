import type { ConfirmRequest } from '@/store/ui-types';
import { makeStore } from '../builders';

/** A question that records its answers in `answers`. */
function question(name: string, answers: string[]): ConfirmRequest {
  return {
    title: name,
    message: name,
    confirmLabel: name,
    onConfirm: () => answers.push(`${name} yes`),
    onCancel: () => answers.push(`${name} no`),
  };
}

/** A store asked three questions, a, b and c, one after the other. */
function threeAsked() {
  const store = makeStore();
  const answers: string[] = [];
  const asked = ['a', 'b', 'c'].map((name) => question(name, answers)) as [
    ConfirmRequest,
    ConfirmRequest,
    ConfirmRequest,
  ];
  for (const request of asked) store.getState().askConfirm(request);
  return { store, answers, asked };
}

describe('questions asked one after the other', () => {
  it('shows a question asked meanwhile once the one on screen is answered, never in its place', () => {
    const { store, answers, asked } = threeAsked();
    const [a, b, c] = asked;
    expect(store.getState().confirm).toBe(a);
    store.getState().answerConfirm(true);
    expect(store.getState().confirm).toBe(b);
    store.getState().answerConfirm(false);
    expect(store.getState().confirm).toBe(c);
    store.getState().answerConfirm(true);
    expect(store.getState().confirm).toBeNull();
    expect(answers).toEqual(['a yes', 'b no', 'c yes']);
  });

  it('takes a question back whether it is on screen or waiting, unanswered', () => {
    const { store, answers, asked } = threeAsked();
    const [a, b, c] = asked;
    store.getState().withdrawConfirm(b);
    expect(store.getState().confirmsWaiting).toEqual([c]);
    store.getState().withdrawConfirm(a);
    expect(store.getState().confirm).toBe(c);
    // A question already gone changes nothing.
    store.getState().withdrawConfirm(a);
    expect(store.getState().confirm).toBe(c);
    store.getState().withdrawConfirm(c);
    expect(store.getState().confirm).toBeNull();
    expect(answers).toEqual([]);
  });
});
