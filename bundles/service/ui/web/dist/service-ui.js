import { LitElement as e, css as t, html as n, nothing as r } from "lit";
// src/names.ts
var i = "/service/requests", a = "service/requests", o = "tessera-service-requests", s = "tessera-service-requests-section";
async function c(e, t, n, r = "all") {
	return (await e.api.get(i, { query: {
		partyId: t || void 0,
		cursor: n,
		limit: "50",
		mine: r === "mine" ? "true" : void 0,
		myQueues: r === "myQueues" ? "true" : void 0
	} })).body;
}
function l(e, t) {
	let n = t?.problem;
	return n?.detail ?? n?.title ?? e.t("error.load");
}
// src/list.ts
var u = class extends e {
	static {
		this.properties = {
			host: { attribute: !1 },
			items: { state: !0 },
			nextCursor: { state: !0 },
			loading: { state: !0 },
			error: { state: !0 }
		};
	}
	constructor() {
		super(), this.items = [], this.loading = !1;
	}
	static {
		this.styles = t`
    :host { display: block; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d4da; }
    .error { color: #a4161a; }
    button { font: inherit; padding: 0.35rem 0.9rem; margin-top: 0.75rem; }
  `;
	}
	willUpdate(e) {
		if (!e.has("host") || !this.host) return;
		let t = JSON.stringify([
			this.host.user.login,
			this.partyId ?? null,
			this.scope
		]);
		t !== this.shown && (this.shown = t, this.items = [], this.nextCursor = void 0, this.load());
	}
	get scope() {
		return this.host.query.get("mine") === "true" ? "mine" : this.host.query.get("myQueues") === "true" ? "myQueues" : "all";
	}
	get partyId() {
		return this.host.query.get("partyId") ?? void 0;
	}
	async load(e) {
		this.loading = !0, this.error = void 0;
		try {
			let t = await c(this.host, this.partyId, e, this.scope);
			this.items = e ? [...this.items, ...t.items] : t.items, this.nextCursor = t.nextCursor;
		} catch (e) {
			this.error = l(this.host, e);
		} finally {
			this.loading = !1;
		}
	}
	render() {
		if (!this.host) return r;
		let e = this.host.t, t = this.partyId;
		return n`
      <h1>${t ? e("list.titleOfParty", { partyId: t }) : e(this.scope === "mine" ? "list.mine" : this.scope === "myQueues" ? "list.myQueues" : "list.title")}</h1>
      ${t ? r : n`<nav aria-label=${e("list.filters")}>
        <a href="#/${a}" aria-current=${this.scope === "all" ? "page" : "false"}>${e("list.title")}</a> ·
        <a href="#/${a}?mine=true" aria-current=${this.scope === "mine" ? "page" : "false"}>${e("list.mine")}</a> ·
        <a href="#/${a}?myQueues=true" aria-current=${this.scope === "myQueues" ? "page" : "false"}>${e("list.myQueues")}</a>
      </nav>`}
      ${this.error ? n`<p class="error" role="alert">${this.error}</p>` : r}
      ${this.items.length === 0 && !this.loading && !this.error ? n`<p>${e("list.empty")}</p>` : r}
      ${this.items.length ? n`<table>
            <thead>
              <tr><th scope="col">${e("field.name")}</th><th scope="col">${e("field.description")}</th><th scope="col">${e("field.status")}</th>
                <th scope="col">${e("field.party")}</th><th scope="col">${e("field.createdAt")}</th></tr>
            </thead>
            <tbody>
              ${this.items.map((e) => n`<tr>
                <td>${e.number}</td>
                <td>${e.summary}</td><td>${e.status}</td>
                <td><a href="#/parties/${e.partyId}">${e.partyId}</a></td>
                <td>${this.host.formatDate(e.createdAt)}</td>
              </tr>`)}
            </tbody>
          </table>` : r}
      ${this.loading ? n`<p role="status">${e("list.loading")}</p>` : r}
      ${this.nextCursor && !this.loading ? n`<button @click=${() => this.load(this.nextCursor)}>${e("list.more")}</button>` : r}
    `;
	}
}, d = class extends e {
	static {
		this.properties = { host: { attribute: !1 } };
	}
	static {
		this.styles = t`
    :host { display: block; }
    ul { margin: 0.25rem 0; padding-left: 1.2rem; }
    .sub { color: #5b6470; }
  `;
	}
	render() {
		if (!this.host) return r;
		let e = this.host.t, t = this.host.section ?? {};
		if (t.status && t.status !== "OK") return n`<p role="status">${t.message ?? e("section.unavailable")}</p>`;
		let i = t.figures?.find((e) => e.key === "count")?.value ?? 0, o = t.items ?? [];
		return n`
      <p>${e("section.count", { count: i })}</p>
      ${o.length ? n`<ul>
            ${o.map((e) => n`<li>${e.title}${e.subtitle ? n` <span class="sub">${e.subtitle}</span>` : r}
              ${e.at ? n` <span class="sub">${this.host.formatDate(e.at)}</span>` : r}</li>`)}
          </ul>` : r}
      ${i > 0 ? n`<a href="#/${a}?partyId=${encodeURIComponent(this.host.partyId ?? "")}">${e("section.all")}</a>` : r}
    `;
	}
}, f = {
	[o]: u,
	[s]: d
};
for (let [e, t] of Object.entries(f)) customElements.get(e) || customElements.define(e, t);
export { f as ELEMENTS };
