import { describe, expect, it, vi } from 'vitest';
import { flattenGroups, isSearchShortcut, keyAction, LatestRequest, nextActiveIndex, TypeaheadScheduler, type SearchGroup } from '../src/search/typeahead';

const group = (type: string, titles: string[]): SearchGroup => ({
  type, module: 'core', status: 'OK', more: false,
  items: titles.map((title, i) => ({ id: String(i), type, title, href: `/${type}/${i}` })),
});

describe('typeahead keyboard state', () => {
  it('flattens groups in order with stable ids', () => {
    const options = flattenGroups([group('party', ['a', 'b']), group('quote', []), group('opportunity', ['c'])], 'o');
    expect(options.map((o) => [o.domId, o.hit.title, o.group.type])).toEqual([['o-0', 'a', 'party'], ['o-1', 'b', 'party'], ['o-2', 'c', 'opportunity']]);
  });

  it('moves with the arrows, wrapping, and jumps with Home and End', () => {
    expect(nextActiveIndex(-1, 3, 'ArrowDown')).toBe(0);
    expect(nextActiveIndex(2, 3, 'ArrowDown')).toBe(0);
    expect(nextActiveIndex(-1, 3, 'ArrowUp')).toBe(2);
    expect(nextActiveIndex(0, 3, 'ArrowUp')).toBe(2);
    expect(nextActiveIndex(1, 3, 'End')).toBe(2);
    expect(nextActiveIndex(1, 0, 'ArrowDown')).toBe(-1);
  });

  it('chooses with Enter (the first hit when none is active), closes then clears with Escape', () => {
    expect(keyAction('Enter', true, -1, 3)).toEqual({ kind: 'choose', index: 0 });
    expect(keyAction('Enter', true, 2, 3)).toEqual({ kind: 'choose', index: 2 });
    expect(keyAction('Enter', false, 2, 3)).toEqual({ kind: 'none' });
    expect(keyAction('Escape', true, 1, 3)).toEqual({ kind: 'close' });
    expect(keyAction('Escape', false, -1, 3)).toEqual({ kind: 'clear' });
    expect(keyAction('a', true, 0, 3)).toEqual({ kind: 'none' });
  });

  it('cancels the request before when a newer one starts', () => {
    const latest = new LatestRequest();
    const first = latest.next();
    const second = latest.next();
    expect(first.aborted).toBe(true);
    expect(second.aborted).toBe(false);
    latest.cancel();
    expect(second.aborted).toBe(true);
  });

  it('focuses on / outside fields and on Ctrl-K anywhere', () => {
    const key = (k: string, ctrl = false) => ({ key: k, ctrlKey: ctrl, metaKey: false, altKey: false });
    expect(isSearchShortcut(key('/'), false)).toBe(true);
    expect(isSearchShortcut(key('/'), true)).toBe(false);
    expect(isSearchShortcut(key('k', true), true)).toBe(true);
    expect(isSearchShortcut(key('k'), false)).toBe(false);
  });
});

describe('typeahead scheduler', () => {
  it('aborts the request in flight at the next keystroke, before its own pause ends', () => {
    vi.useFakeTimers();
    try {
      const asked: [string, AbortSignal][] = [];
      const scheduler = new TypeaheadScheduler(50, (q, signal) => asked.push([q, signal]));
      scheduler.input('je');
      vi.advanceTimersByTime(50);
      expect(asked.map(([q]) => q)).toEqual(['je']);
      scheduler.input('jea');
      // the answer to `je` must not land under `jea` during the pause
      expect(asked[0][1].aborted).toBe(true);
      expect(asked).toHaveLength(1);
      vi.advanceTimersByTime(50);
      expect(asked.map(([q]) => q)).toEqual(['je', 'jea']);
      expect(asked[1][1].aborted).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks once for a word typed within the pause, and nothing for an empty box', () => {
    vi.useFakeTimers();
    try {
      const asked: string[] = [];
      const scheduler = new TypeaheadScheduler(50, (q) => asked.push(q));
      scheduler.input('b');
      vi.advanceTimersByTime(20);
      scheduler.input('be');
      vi.advanceTimersByTime(20);
      scheduler.input('ber');
      vi.advanceTimersByTime(50);
      scheduler.input('');
      vi.advanceTimersByTime(100);
      expect(asked).toEqual(['ber']);
    } finally {
      vi.useRealTimers();
    }
  });
});
