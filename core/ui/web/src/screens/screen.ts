import { LitElement } from 'lit';
import type { CoreHost } from '../context';
import { ApiProblem } from '../api/problem';
import { shared } from '../styles';

/** Base of the shell's screens: a `host` in, data loaded again when `loadKey()` changes. */
export abstract class Screen extends LitElement {
  static properties = { host: { attribute: false } };
  declare host: CoreHost;
  private lastKey: string | undefined;

  static styles = [shared];

  get t() {
    return this.host.t;
  }

  /** What identifies the data shown (route parameters, query): loading again only when it changes. */
  protected loadKey(): string {
    return JSON.stringify(this.host.params) + this.host.query.toString();
  }

  protected abstract load(): Promise<void> | void;

  /**
   * Called once, when the first host arrives. Not connectedCallback: an element created before its
   * lazily loaded class was defined gets its host back only at its first update.
   */
  protected hostArrived(): void {}

  private hostSeen = false;

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('host') && this.host && !this.hostSeen) {
      this.hostSeen = true;
      this.hostArrived();
    }
    if (changed.has('host') && this.host) {
      const key = this.loadKey();
      if (key !== this.lastKey) {
        this.lastKey = key;
        void this.load();
      }
    }
  }

  /** A readable message for any failure, the problem's own words first. */
  protected describe(error: unknown): string {
    if (error instanceof ApiProblem) {
      if (error.status === 0) return this.t('error.network');
      if (error.status === 404) return this.t('error.notFound');
      if (error.status === 403) return this.t('error.forbidden');
      return error.problem.detail || error.problem.title || error.message;
    }
    return error instanceof Error ? error.message : String(error);
  }

  /** The message of one field error: the shell's words for a generic code, the server's otherwise. */
  protected fieldMessage(problem: ApiProblem | null, field: string): string | undefined {
    const error = problem?.errors.find((one) => one.field === field);
    if (!error) return undefined;
    return (error.code && this.t.lookup(`error.code.${error.code}`)) || error.message;
  }
}
