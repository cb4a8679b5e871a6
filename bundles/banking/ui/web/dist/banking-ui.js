import{LitElement as e,css as t,html as n,nothing as r}from"lit";function i(e){return typeof e==`object`&&!!e&&typeof e.status==`number`&&typeof e.problem==`object`&&e.problem!==null}var a=class extends e{static{this.properties={host:{attribute:!1}}}t(e,t){return this.host?this.host.t(e,t):e}can(e){return!!this.host?.user.permissions.some(t=>t===e||t===`*`||t.endsWith(`.*`)&&e.startsWith(t.slice(0,-1)))}failure(e){if(i(e)){let t=(e.problem.errors??[]).map(e=>`${e.field}: ${e.message}`);return t.length?t.join(` `):e.problem.detail??e.problem.title??this.t(`problem.unknown`)}return this.t(`problem.unknown`)}money(e,t){return e==null||!t||!this.host?``:this.host.formatMoney(e,t)}date(e){return e&&this.host?this.host.formatDate(e):``}},o=t`
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
`;function s(e,t,n){return`/banking/parties/${encodeURIComponent(e)}/offers/${encodeURIComponent(t)}/${n}`}function c(e){let t=Object.entries(e.parameters??{}).map(([e,t])=>`${e}: ${String(t)}`),n=e.conditions??[];return n.length?`${e.type} (${n.map(c).join(`, `)})`:t.length?`${e.type} (${t.join(`, `)})`:e.type}function l(e){return e.find(e=>e.primary)?.householdId}var u=class extends a{static{this.properties={...a.properties,accounts:{state:!0},rollup:{state:!0},error:{state:!0}}}willUpdate(){this.host&&this.host.params.id!==this.shownParty&&(this.shownParty=this.host.params.id,this.load())}async load(){let e=this.host,t=this.shownParty;if(e&&t)try{if(this.accounts=(await e.api.get(`/banking/accounts`,{query:{partyId:t,limit:`50`}})).body.items,this.can(`banking.balance.read`)){let n=(await e.api.get(`/banking/parties/${encodeURIComponent(t)}/households`)).body.items,r=l(n);this.rollup=(await e.api.get(r?`/banking/households/${encodeURIComponent(r)}/rollup`:`/banking/parties/${encodeURIComponent(t)}/rollup`)).body}this.error=void 0}catch(e){this.error=this.failure(e)}}render(){return this.host?n`
      <h1>${this.t(`client.title`)}</h1>
      <p><a href="#/parties/${this.shownParty}">${this.t(`client.back`)}</a></p>
      ${this.error?n`<p class="alert" role="alert">${this.error}</p>`:r}
      <h2>${this.t(`offers.title`)}</h2>
      <tessera-banking-offers .host=${this.host}></tessera-banking-offers>
      <h2>${this.t(`accounts.title`)}</h2>
      ${this.accounts?this.renderAccounts(this.accounts):n`<p class="muted">${this.t(`loading`)}</p>`}
      ${this.rollup?this.renderRollup(this.rollup):r}`:r}renderAccounts(e){return e.length?n`<table aria-label=${this.t(`accounts.title`)}>
      <thead><tr><th>${this.t(`field.number`)}</th><th>${this.t(`field.type`)}</th><th>${this.t(`field.status`)}</th>
        <th class="num">${this.t(`field.balance`)}</th></tr></thead>
      <tbody>${e.map(e=>n`<tr><td>${e.number}</td><td>${e.type}${e.product?n` · ${e.product}`:r}</td>
        <td>${e.status}</td><td class="num">${this.money(e.balance,e.currency)}</td></tr>`)}</tbody></table>`:n`<p class="muted">${this.t(`accounts.none`)}</p>`}renderRollup(e){return n`<h2>${this.t(e.kind===`HOUSEHOLD`?`rollup.household`:`rollup.person`)}</h2>
      <table aria-label=${this.t(`rollup.title`)}>
        <thead><tr><th>${this.t(`field.currency`)}</th><th class="num">${this.t(`rollup.deposits`)}</th>
          <th class="num">${this.t(`rollup.loans`)}</th><th class="num">${this.t(`rollup.netWorth`)}</th></tr></thead>
        <tbody>${e.totals.map(e=>n`<tr><td>${e.currency}</td><td class="num">${this.money(e.deposits,e.currency)}</td>
          <td class="num">${this.money(e.loans,e.currency)}</td><td class="num">${this.money(e.netWorth,e.currency)}</td></tr>`)}</tbody>
      </table>
      ${e.sharedAccounts.length?n`<p class="muted">${this.t(`rollup.shared`,{count:e.sharedAccounts.length})}</p>`:r}`}static{this.styles=[o]}},d=class extends a{static{this.properties={...a.properties,offers:{state:!0},error:{state:!0},reasons:{state:!0}}}constructor(){super(),this.reasons={}}get partyId(){return this.host?.partyId??this.host?.params.id}willUpdate(){this.host&&this.partyId!==this.shownParty&&(this.shownParty=this.partyId,this.load())}async load(){if(this.host&&this.partyId)try{this.offers=(await this.host.api.get(`/banking/parties/${encodeURIComponent(this.partyId)}/offers`)).body.items,this.error=void 0}catch(e){this.error=this.failure(e)}}async answer(e,t){if(!this.host||!this.partyId)return;let n=t===`accept`?{}:{reason:this.reasons[e.ruleId]??``};try{let r=await this.host.api.post(s(this.partyId,e.ruleId,t),n);this.host.notify(this.t(t===`accept`?`offer.accepted`:`offer.rejected`,{name:r.body.offerName})),await this.load()}catch(e){this.error=this.failure(e)}}render(){if(!this.host)return r;if(this.error)return n`<p class="alert" role="alert">${this.error}</p>`;if(!this.offers)return n`<p class="muted">${this.t(`loading`)}</p>`;if(!this.offers.length)return n`<p class="muted">${this.t(`offers.none`)}</p>`;let e=this.can(`banking.client.write`);return n`<ul class="offers" aria-label=${this.t(`offers.title`)}>${this.offers.map(t=>n`
      <li data-rule=${t.ruleKey}>
        <strong>${t.offer.name}</strong>
        <div class="muted">${this.t(`offers.because`,{reasons:t.reasons.join(`; `)})}</div>
        ${e?n`<div class="actions">
          <button class="primary" @click=${()=>this.answer(t,`accept`)}
            aria-label=${this.t(`offer.accept`,{name:t.offer.name})}>${this.t(`offer.acceptShort`)}</button>
          <label>${this.t(`offer.reason`)}
            <input .value=${this.reasons[t.ruleId]??``} aria-label=${this.t(`offer.reasonFor`,{name:t.offer.name})}
              @input=${e=>{this.reasons={...this.reasons,[t.ruleId]:e.target.value}}}></label>
          <button @click=${()=>this.answer(t,`reject`)}
            aria-label=${this.t(`offer.reject`,{name:t.offer.name})}>${this.t(`offer.rejectShort`)}</button>
        </div>`:r}
      </li>`)}</ul>`}static{this.styles=[o]}},f=class extends a{render(){if(!this.host)return r;let e=this.host.section;if(!e)return n`<p class="muted">${this.t(`loading`)}</p>`;if(e.status&&e.status!==`OK`)return n`<p class="muted" role="status">${this.t(`overview.unavailable`)}</p>`;let t=e.items.filter(e=>e.type===`ACCOUNT`),i=e.figures.filter(e=>e.key.startsWith(`netWorth.`)&&e.unit);return n`
      <p><strong>${this.t(`overview.accounts`,{count:t.length})}</strong>
        ${i.length?n` · ${this.t(`overview.netWorth`)} ${i.map(e=>this.money(e.value,e.unit)).join(` · `)}`:r}</p>
      <ul>${t.map(e=>n`<li>${e.title} <span class="muted">${e.subtitle??``}</span> ${this.money(e.amount,e.currency)}</li>`)}</ul>
      <tessera-banking-offers .host=${this.host}></tessera-banking-offers>
      <p><a href="#/banking/parties/${this.host.partyId}">${this.t(`overview.open`)}</a></p>`}static{this.styles=[o]}},p=class extends a{constructor(...e){super(...e),this.loaded=!1}static{this.properties={...a.properties,rules:{state:!0},error:{state:!0}}}willUpdate(){this.host&&!this.loaded&&(this.loaded=!0,this.load())}async load(){try{this.rules=(await this.host.api.get(`/banking/offer-rules`)).body.items}catch(e){this.error=this.failure(e)}}render(){return this.host?n`<h1>${this.t(`rules.title`)}</h1>
      ${this.error?n`<p class="alert" role="alert">${this.error}</p>`:r}
      ${this.rules?this.rules.length?n`<table aria-label=${this.t(`rules.title`)}>
          <thead><tr><th class="num">${this.t(`field.priority`)}</th><th>${this.t(`field.name`)}</th><th>${this.t(`field.offer`)}</th>
            <th>${this.t(`field.conditions`)}</th><th class="num">${this.t(`field.coolDownDays`)}</th></tr></thead>
          <tbody>${this.rules.map(e=>n`<tr><td class="num">${e.priority}</td><td>${e.name}${e.active?r:n` <span class="muted">(${this.t(`rules.inactive`)})</span>`}</td>
            <td>${e.offer.name??e.offer.code}</td><td>${e.conditions.map(c).join(` ∧ `)}</td><td class="num">${e.coolDownDays}</td></tr>`)}</tbody>
        </table>`:n`<p class="muted">${this.t(`rules.none`)}</p>`:n`<p class="muted">${this.t(`loading`)}</p>`}`:r}static{this.styles=[o]}},m={"tessera-banking-client":u,"tessera-banking-offers":d,"tessera-banking-overview":f,"tessera-banking-rules":p};for(let[e,t]of Object.entries(m))customElements.get(e)||customElements.define(e,t);export{u as BankingClient,d as BankingOffers,f as BankingOverview,p as BankingRules};