import { LitElement, html, css, nothing } from 'lit';
import type { TesseraApiClient } from '../host';
import type { Translator } from '../i18n/i18n';
import { shared } from '../styles';
import { flattenGroups, keyAction, TypeaheadScheduler, type SearchResults, type TypeaheadOption } from '../search/typeahead';

/** Enough to skip the intermediate prefixes of a word typed fast; a stale request is aborted anyway. */
const DEBOUNCE_MS = 50;
const HITS_PER_GROUP = 8;

/**
 * The global search: an ARIA 1.2 combobox over `GET /v1/search`, hits grouped by type. Typing
 * waits a little, then asks; a newer keystroke aborts the request in flight. Dispatches `navigate`
 * with the chosen hit's route.
 */
export class TesseraGlobalSearch extends LitElement {
  static properties = {
    api: { attribute: false },
    t: { attribute: false },
    results: { state: true },
    open: { state: true },
    active: { state: true },
    loading: { state: true },
    failed: { state: true },
  };
  declare api: TesseraApiClient;
  declare t: Translator;
  declare results: SearchResults | null;
  declare open: boolean;
  declare active: number;
  declare loading: boolean;
  declare failed: boolean;

  private readonly scheduler = new TypeaheadScheduler(DEBOUNCE_MS, (q, signal) => void this.search(q, signal));
  private options: TypeaheadOption[] = [];

  constructor() {
    super();
    this.results = null;
    this.open = false;
    this.active = -1;
    this.loading = false;
    this.failed = false;
  }

  static styles = [
    shared,
    css`
      :host { display: block; position: relative; width: 100%; max-width: 34rem; }
      input { background: #fff; }
      [role='listbox'] {
        position: absolute; z-index: 20; top: calc(100% + 4px); left: 0; right: 0; max-height: 70vh; overflow: auto;
        background: #fff; border: 1px solid var(--border); border-radius: 8px; box-shadow: 0 8px 24px rgb(0 0 0 / 18%); padding: 0.25rem 0; margin: 0;
      }
      .group-title { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); padding: 0.4rem 0.8rem 0.15rem; font-weight: 700; }
      [role='option'] { padding: 0.35rem 0.8rem; cursor: pointer; color: var(--text); }
      [role='option'][aria-selected='true'] { background: #dbe8f7; outline: 2px solid var(--accent); outline-offset: -2px; }
      .sub { display: block; color: var(--muted); font-size: 0.85rem; }
      .note { padding: 0.4rem 0.8rem; color: var(--muted); }
    `,
  ];

  /** Focuses the box (the `/` and Ctrl-K shortcuts). */
  focus() {
    const input = this.input;
    input?.focus();
    input?.select();
  }

  private get input(): HTMLInputElement | null {
    return this.renderRoot.querySelector('input');
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.scheduler.cancel();
  }

  render() {
    const t = this.t;
    const expanded = this.open && this.results !== null;
    const activeOption = this.options[this.active];
    return html`
      <label for="global-search" class="visually-hidden">${t('search.label')}</label>
      <input
        id="global-search"
        type="search"
        role="combobox"
        autocomplete="off"
        spellcheck="false"
        aria-autocomplete="list"
        aria-expanded=${expanded ? 'true' : 'false'}
        aria-controls="global-search-results"
        aria-activedescendant=${activeOption && expanded ? activeOption.domId : ''}
        aria-describedby="global-search-hint"
        placeholder=${t('search.placeholder')}
        @input=${this.onInput}
        @keydown=${this.onKeydown}
        @blur=${() => (this.open = false)}
        @focus=${() => (this.open = this.results !== null && (this.input?.value.trim() ?? '') !== '')}
      />
      <span id="global-search-hint" class="visually-hidden">${t('search.hint')}</span>
      <div
        id="global-search-results"
        role="listbox"
        aria-label=${t('search.results')}
        ?hidden=${!expanded}
        @mousedown=${(event: Event) => event.preventDefault()}
      >
        ${expanded ? this.renderGroups() : nothing}
      </div>
      <div class="visually-hidden" role="status" aria-live="polite">${expanded ? this.announcement() : ''}</div>
    `;
  }

  private announcement(): string {
    if (this.failed) return this.t('search.failed');
    return this.options.length ? this.t('search.count', { count: this.options.length }) : this.t('search.none');
  }

  private renderGroups() {
    const results = this.results!;
    if (this.failed) return html`<div class="note">${this.t('search.failed')}</div>`;
    if (!this.options.length) {
      return html`<div class="note">${this.loading ? this.t('search.searching') : this.t('search.none')}</div>`;
    }
    let index = 0;
    return results.groups.map((group, groupIndex) => {
      if (!group.items.length) {
        return group.status !== 'OK'
          ? html`<div class="note">${this.t('search.groupUnavailable', { group: this.groupTitle(group.type, group.title) })}</div>`
          : nothing;
      }
      const titleId = `global-search-group-${groupIndex}`;
      return html`<div role="group" aria-labelledby=${titleId}>
        <div class="group-title" id=${titleId} role="presentation">${this.groupTitle(group.type, group.title)}</div>
        ${group.items.map((hit) => {
          const option = this.options[index];
          const selected = index === this.active;
          const current = index++;
          return html`<div
            role="option"
            id=${option.domId}
            aria-selected=${selected ? 'true' : 'false'}
            @click=${() => this.choose(current)}
            @mousemove=${() => (this.active = current)}
          >
            ${hit.title}${hit.subtitle ? html`<span class="sub">${hit.subtitle}</span>` : nothing}
          </div>`;
        })}
        ${group.more ? html`<div class="note" role="presentation">${this.t('search.more')}</div>` : nothing}
      </div>`;
    });
  }

  private groupTitle(type: string, fallback?: string): string {
    return this.t.lookup(`search.group.${type}`) ?? fallback ?? type;
  }

  private onInput() {
    const q = this.input?.value.trim() ?? '';
    this.scheduler.input(q);
    if (!q) {
      this.results = null;
      this.options = [];
      this.open = false;
      this.active = -1;
      return;
    }
  }

  private async search(q: string, signal: AbortSignal) {
    this.loading = true;
    try {
      const answer = await this.api.get<SearchResults>('/search', { query: { q, limit: String(HITS_PER_GROUP) }, signal });
      if (signal.aborted) return;
      this.failed = false;
      this.results = answer.body;
      this.options = flattenGroups(answer.body.groups, 'global-search-option');
      this.active = -1;
      this.open = this.shadowRoot?.activeElement === this.input;
    } catch (error) {
      if (signal.aborted || (error instanceof DOMException && error.name === 'AbortError')) return;
      this.failed = true;
      this.results = { q, groups: [] };
      this.options = [];
      this.open = true;
    } finally {
      if (!signal.aborted) this.loading = false;
    }
  }

  private onKeydown(event: KeyboardEvent) {
    const open = this.open && this.results !== null;
    const action = keyAction(event.key, open, this.active, this.options.length);
    switch (action.kind) {
      case 'move':
        event.preventDefault();
        if (!open && this.results) this.open = true;
        this.active = action.index;
        void this.updateComplete.then(() =>
          this.renderRoot.querySelector(`#${this.options[this.active]?.domId}`)?.scrollIntoView({ block: 'nearest' }),
        );
        break;
      case 'choose':
        event.preventDefault();
        this.choose(action.index);
        break;
      case 'close':
        event.preventDefault();
        this.open = false;
        this.active = -1;
        break;
      case 'clear':
        if (this.input?.value) {
          event.preventDefault();
          this.input.value = '';
          this.onInput();
        }
        break;
      case 'none':
        break;
    }
  }

  private choose(index: number) {
    const option = this.options[index];
    if (!option) return;
    this.open = false;
    this.active = -1;
    if (this.input) this.input.value = '';
    this.results = null;
    this.options = [];
    this.dispatchEvent(new CustomEvent('navigate', { bubbles: true, composed: true, detail: { route: option.hit.href } }));
  }
}

customElements.define('tessera-global-search', TesseraGlobalSearch);
