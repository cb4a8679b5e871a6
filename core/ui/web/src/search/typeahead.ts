/** The keyboard and request state of the global search, apart from its rendering. */

export interface SearchHit {
  id: string;
  type: string;
  title: string;
  subtitle?: string;
  href: string;
}

export interface SearchGroup {
  type: string;
  module: string;
  title?: string;
  status: string;
  message?: string;
  items: SearchHit[];
  more: boolean;
}

export interface SearchResults {
  q: string;
  groups: SearchGroup[];
}

export interface TypeaheadOption {
  /** DOM id of the option, for aria-activedescendant. */
  domId: string;
  group: SearchGroup;
  hit: SearchHit;
}

/** The hits of every group, in the order shown, each with a stable DOM id. */
export function flattenGroups(groups: SearchGroup[], idPrefix = 'search-option'): TypeaheadOption[] {
  const options: TypeaheadOption[] = [];
  for (const group of groups) {
    for (const hit of group.items) {
      options.push({ domId: `${idPrefix}-${options.length}`, group, hit });
    }
  }
  return options;
}

export type NavigationKey = 'ArrowDown' | 'ArrowUp' | 'Home' | 'End';

/** The next active option (-1: none) when a key is pressed; the arrows wrap around. */
export function nextActiveIndex(current: number, count: number, key: NavigationKey): number {
  if (count === 0) return -1;
  switch (key) {
    case 'ArrowDown':
      return current < 0 || current >= count - 1 ? 0 : current + 1;
    case 'ArrowUp':
      return current <= 0 ? count - 1 : current - 1;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
  }
}

/** What a key does in the combobox, given whether the list is open. */
export type TypeaheadAction =
  | { kind: 'move'; index: number }
  | { kind: 'choose'; index: number }
  | { kind: 'close' }
  | { kind: 'clear' }
  | { kind: 'none' };

export function keyAction(key: string, open: boolean, active: number, count: number): TypeaheadAction {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowUp':
      return { kind: 'move', index: nextActiveIndex(active, count, key) };
    case 'Home':
    case 'End':
      return open && count > 0 ? { kind: 'move', index: nextActiveIndex(active, count, key) } : { kind: 'none' };
    case 'Enter':
      if (!open || count === 0) return { kind: 'none' };
      return { kind: 'choose', index: active < 0 ? 0 : active };
    case 'Escape':
      return open ? { kind: 'close' } : { kind: 'clear' };
    default:
      return { kind: 'none' };
  }
}

/**
 * Keeps only the latest request alive: starting one aborts the one before, so that a slow answer
 * to `be` never replaces the answer to `ber`.
 */
export class LatestRequest {
  private controller: AbortController | null = null;

  next(): AbortSignal {
    this.controller?.abort();
    this.controller = new AbortController();
    return this.controller.signal;
  }

  cancel(): void {
    this.controller?.abort();
    this.controller = null;
  }
}

/** Whether the `/` or Ctrl-K (⌘-K) shortcut should focus the search, given where the key was typed. */
export function isSearchShortcut(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>, typingInField: boolean): boolean {
  if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') return true;
  return event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField;
}

/**
 * When the global search asks the server. A keystroke aborts the request in flight at once (its
 * answer is for a text no longer in the box: landing during the pause it would show the hits of
 * `je` under `jea`) and asks for the new text after a short pause; an empty box asks nothing.
 */
export class TypeaheadScheduler {
  private readonly latest = new LatestRequest();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly pauseMs: number,
    private readonly ask: (q: string, signal: AbortSignal) => void,
  ) {}

  /** The box now holds `q` (trimmed). */
  input(q: string): void {
    clearTimeout(this.timer);
    this.latest.cancel();
    if (!q) return;
    this.timer = setTimeout(() => this.ask(q, this.latest.next()), this.pauseMs);
  }

  cancel(): void {
    clearTimeout(this.timer);
    this.latest.cancel();
  }
}
