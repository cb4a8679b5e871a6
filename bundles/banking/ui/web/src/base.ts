import { LitElement, css } from 'lit';
import { isApiProblem, type TesseraHost } from '@tessera/ui-host';

/** What every banking element shares: the host the shell gives it, its messages, permissions and the words of a refusal. */
export class BankingElement extends LitElement {
  static override properties = { host: { attribute: false } };
  declare host: TesseraHost | undefined;

  protected t(key: string, vars?: Record<string, string | number>): string {
    return this.host ? this.host.t(key, vars) : key;
  }

  protected can(permission: string): boolean {
    return !!this.host?.user.permissions.some((p) => p === permission || p === '*' || (p.endsWith('.*') && permission.startsWith(p.slice(0, -1))));
  }

  protected failure(error: unknown): string {
    if (isApiProblem(error)) {
      const fields = (error.problem.errors ?? []).map((e) => `${e.field}: ${e.message}`);
      return fields.length ? fields.join(' ') : (error.problem.detail ?? error.problem.title ?? this.t('problem.unknown'));
    }
    return this.t('problem.unknown');
  }

  protected money(amount: number | null | undefined, currency: string | null | undefined): string {
    return amount === null || amount === undefined || !currency || !this.host ? '' : this.host.formatMoney(amount, currency);
  }

  protected date(iso: string | null | undefined): string {
    return iso && this.host ? this.host.formatDate(iso) : '';
  }
}

export const bankingStyles = css`
  :host { display: block; font: inherit; color: var(--tessera-text, #1b1f24); }
  h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
  h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
  a { color: var(--tessera-link, #0b57a4); }
  button { font: inherit; cursor: pointer; border-radius: 4px; border: 1px solid var(--tessera-border, #8a939d);
    background: var(--tessera-surface, #fff); color: inherit; padding: .3rem .7rem; }
  button.primary { background: var(--tessera-primary, #0b57a4); border-color: var(--tessera-primary, #0b57a4); color: #fff; }
  button:disabled { opacity: .6; cursor: default; }
  button:focus-visible, a:focus-visible, input:focus-visible { outline: 2px solid var(--tessera-focus, #e8a200); outline-offset: 2px; }
  input { font: inherit; padding: .3rem .4rem; border: 1px solid var(--tessera-border, #8a939d); border-radius: 4px; }
  label { display: flex; flex-direction: column; gap: .2rem; font-size: .9rem; }
  .muted { color: var(--tessera-muted, #59636e); }
  .alert { border: 1px solid var(--tessera-error, #b00020); background: #fdecee; color: #6d0014; padding: .5rem .75rem; border-radius: 4px; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid #e1e4e8; vertical-align: top; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  ul.offers { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .6rem; }
  ul.offers li { border: 1px solid #e1e4e8; border-radius: 4px; padding: .5rem .75rem; }
  .actions { display: flex; gap: .5rem; flex-wrap: wrap; align-items: flex-end; margin-top: .4rem; }
`;
