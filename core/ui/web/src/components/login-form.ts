import { LitElement, html, css, nothing } from 'lit';
import type { ApiClient } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { Translator } from '../i18n/i18n';
import { shared } from '../styles';

/** The sign-in form. Dispatches `signed-in` once the API gave a token. */
export class TesseraLogin extends LitElement {
  static properties = {
    api: { attribute: false },
    t: { attribute: false },
    login: { type: String },
    reason: { type: String },
    busy: { state: true },
    error: { state: true },
  };
  declare api: ApiClient;
  declare t: Translator;
  declare login: string;
  /** Why the form shows: empty at the start, `expiring` or `expired` for a session to renew. */
  declare reason: string;
  declare busy: boolean;
  declare error: string;

  constructor() {
    super();
    this.login = '';
    this.reason = '';
    this.busy = false;
    this.error = '';
  }

  static styles = [
    shared,
    css`
      :host { display: flex; justify-content: center; padding: 3rem 1rem; }
      form { width: min(24rem, 100%); }
      .brand { font-size: 1.8rem; font-weight: 700; color: var(--accent); margin-bottom: 0.25rem; }
    `,
  ];

  firstUpdated() {
    const target = this.login ? 'password' : 'login';
    this.renderRoot.querySelector<HTMLInputElement>(`#${target}`)?.focus();
  }

  render() {
    const t = this.t;
    return html`
      <form class="card" @submit=${this.submit} novalidate>
        <div class="brand" aria-hidden="true">Tessera</div>
        <h1>${t('login.title')}</h1>
        ${this.reason ? html`<p class="hint">${t(`login.reason.${this.reason}`)}</p>` : nothing}
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
        <div class="field">
          <label for="login">${t('login.login')}</label>
          <input id="login" name="login" autocomplete="username" required .value=${this.login} />
        </div>
        <div class="field">
          <label for="password">${t('login.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
        </div>
        <button type="submit" ?disabled=${this.busy}>${t('login.submit')}</button>
      </form>
    `;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const login = (form.elements.namedItem('login') as HTMLInputElement).value.trim();
    const password = (form.elements.namedItem('password') as HTMLInputElement).value;
    if (!login || !password) {
      this.error = this.t('login.missing');
      return;
    }
    this.busy = true;
    this.error = '';
    try {
      await this.api.login(login, password);
      this.dispatchEvent(new CustomEvent('signed-in', { bubbles: true, composed: true, detail: { login } }));
    } catch (error) {
      const problem = error instanceof ApiProblem ? error : undefined;
      if (problem?.status === 401) this.error = this.t('login.failed');
      else if (problem?.status === 429) this.error = this.t('login.locked');
      else if (problem?.status === 0) this.error = this.t('login.network');
      else this.error = problem?.message ?? String(error);
    } finally {
      this.busy = false;
    }
  }
}

customElements.define('tessera-login', TesseraLogin);
