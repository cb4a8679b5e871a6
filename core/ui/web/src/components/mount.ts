/**
 * Shows one custom element by tag and hands it its `host`: a new element when the tag changes,
 * the same element given the new host otherwise. Module elements (and the shell's own screens)
 * are created this way, so the shell never needs to know them.
 */
export class TesseraMount extends HTMLElement {
  private currentTag: string | undefined;
  private currentHost: unknown;
  private child: (HTMLElement & { host?: unknown }) | undefined;

  get tag(): string | undefined {
    return this.currentTag;
  }

  set tag(tag: string | undefined) {
    if (tag === this.currentTag) return;
    this.currentTag = tag;
    this.child?.remove();
    this.child = undefined;
    if (!tag) return;
    const element = document.createElement(tag) as HTMLElement & { host?: unknown };
    element.host = this.currentHost; // set before connecting, as the contract says
    this.child = element;
    this.appendChild(element);
  }

  get host(): unknown {
    return this.currentHost;
  }

  set host(host: unknown) {
    this.currentHost = host;
    if (this.child) this.child.host = host;
  }
}

if (!customElements.get('tessera-mount')) customElements.define('tessera-mount', TesseraMount);
