import { LitElement as e, css as t, html as n, nothing as r } from "lit";
// src/names.ts
var i = "/service/requests", a = "service/requests", o = "tessera-service-requests", s = "tessera-service-requests-section", c = "tessera-service-request";
async function l(e, t, n, r = "all") {
	return (await e.api.get(i, { query: {
		partyId: t || void 0,
		cursor: n,
		limit: "50",
		mine: r === "mine" ? "true" : void 0,
		myQueues: r === "myQueues" ? "true" : void 0
	} })).body;
}
function u(e, t) {
	let n = t?.problem;
	return n?.detail ?? n?.title ?? e.t("error.load");
}
async function d(e, t) {
	let n = `${i}/${encodeURIComponent(t)}`, [r, a, o] = await Promise.all([
		e.api.get(n),
		e.api.get(`${n}/elements`),
		e.api.get(`${n}/documents`)
	]);
	return {
		request: r.body,
		dossier: a.body,
		documents: o.body.items
	};
}
// src/detail.ts
var f = [
	"INTERACTION",
	"LETTER",
	"EMAIL",
	"AGENT",
	"PARTICIPANT",
	"OBJECT"
], p = class extends e {
	static {
		this.properties = {
			host: { attribute: !1 },
			request: { state: !0 },
			dossier: { state: !0 },
			documents: { state: !0 },
			error: { state: !0 }
		};
	}
	constructor() {
		super(), this.dossier = {}, this.documents = [];
	}
	static {
		this.styles = t`
    :host { display: block; }
    h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
    h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
    dt { color: #59636e; }
    dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d4da; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .violated { color: #a4161a; font-weight: 600; }
    .error { color: #a4161a; }
  `;
	}
	willUpdate(e) {
		if (!e.has("host") || !this.host) return;
		let t = JSON.stringify([this.host.user.login, this.host.params.id]);
		t !== this.shown && (this.shown = t, this.request = void 0, this.load());
	}
	async load() {
		this.error = void 0;
		try {
			let e = await d(this.host, this.host.params.id);
			this.request = e.request, this.dossier = e.dossier, this.documents = e.documents;
		} catch (e) {
			this.error = u(this.host, e);
		}
	}
	render() {
		if (!this.host) return r;
		let e = this.host.t, t = this.request;
		if (!t) return this.error ? n`<p class="error" role="alert">${this.error}</p>` : n`<p role="status">${e("detail.loading")}</p>`;
		let i = (t) => e("detail.minutes", { n: t });
		return n`
      <p><a href="#/${a}">${e("list.title")}</a></p>
      <h1>${t.number}</h1>
      <dl>
        <dt>${e("detail.abstract")}</dt><dd>${t.summary}</dd>
        <dt>${e("field.status")}</dt><dd>${t.status}</dd>
        <dt>${e("detail.priority")}</dt><dd>${t.priority ?? ""}</dd>
        <dt>${e("field.party")}</dt><dd><a href="#/parties/${t.partyId}">${t.partyId}</a></dd>
        <dt>${e("detail.owner")}</dt><dd>${t.ownerId ?? e("detail.none")}</dd>
        <dt>${e("detail.queue")}</dt><dd>${t.queueId ?? e("detail.none")}</dd>
        <dt>${e("field.createdAt")}</dt><dd>${this.host.formatDate(t.createdAt)}</dd>
      </dl>
      <h2>${e("detail.milestones")}</h2>
      ${t.milestones.length === 0 ? n`<p>${e("detail.noMilestone")}</p>` : n`<table aria-label=${e("detail.milestones")}>
        <thead><tr><th scope="col">${e("detail.milestone")}</th><th scope="col">${e("detail.state")}</th><th scope="col">${e("detail.target")}</th>
          <th scope="col" class="num">${e("detail.elapsed")}</th><th scope="col" class="num">${e("detail.remaining")}</th>
          <th scope="col">${e("detail.violated")}</th></tr></thead>
        <tbody>${t.milestones.map((t) => n`<tr>
          <td>${t.milestone}</td><td>${e(`state.${t.state}`)}</td><td>${this.host.formatDate(t.targetAt)}</td>
          <td class="num">${i(t.elapsedMinutes)}</td><td class="num">${i(t.remainingMinutes)}</td>
          <td class=${t.violated ? "violated" : ""}>${e(t.violated ? "detail.yes" : "detail.no")}</td>
        </tr>`)}</tbody></table>`}
      <h2>${e("detail.elements")}</h2>
      ${f.filter((e) => (this.dossier[e] ?? []).length > 0).map((t) => n`
        <h3>${e(`kind.${t}`)}</h3>
        <ul aria-label=${e(`kind.${t}`)}>${(this.dossier[t] ?? []).map((e) => n`<li>${e.label ? `${e.label} (${e.ref})` : e.ref}</li>`)}</ul>`)}
      <h2>${e("detail.documents")}</h2>
      ${this.documents.length === 0 ? n`<p>${e("detail.noDocument")}</p>` : n`<table aria-label=${e("detail.documents")}>
        <thead><tr><th scope="col">${e("detail.subject")}</th><th scope="col">${e("detail.kind")}</th><th scope="col">${e("detail.sendState")}</th>
          <th scope="col">${e("field.createdAt")}</th></tr></thead>
        <tbody>${this.documents.map((t) => n`<tr>
          <td>${t.subject ?? ""}</td><td>${e(`kind.${t.kind}`)}</td>
          <td title=${t.lastError ?? ""}>${t.sendState ? e(`send.${t.sendState}`) : ""}</td><td>${this.host.formatDate(t.createdAt)}</td>
        </tr>`)}</tbody></table>`}
    `;
	}
}, m = class extends e {
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
			let t = await l(this.host, this.partyId, e, this.scope);
			this.items = e ? [...this.items, ...t.items] : t.items, this.nextCursor = t.nextCursor;
		} catch (e) {
			this.error = u(this.host, e);
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
                <td><a href="#/${a}/${encodeURIComponent(e.id)}">${e.number}</a></td>
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
}, h = class extends e {
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
}, g = {
	[o]: m,
	[s]: h,
	[c]: p
};
for (let [e, t] of Object.entries(g)) customElements.get(e) || customElements.define(e, t);
export { g as ELEMENTS };
