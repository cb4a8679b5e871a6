import { css } from 'lit';

/**
 * Styles shared by the shell's elements (each element still scopes them to its shadow root).
 * Colours meet WCAG AA on white: text #1b1f24 (16:1), links and buttons #0a58a8 (6.6:1),
 * secondary text #4a5360 (7.6:1), errors #b3261e (6.4:1).
 */
export const shared = css`
  :host {
    --accent: #0a58a8;
    --accent-dark: #073f79;
    --text: #1b1f24;
    --muted: #4a5360;
    --border: #c5cad3;
    --surface: #ffffff;
    --error: #b3261e;
    --ok: #1e6b34;
    --focus: #ffbf47;
    color: var(--text);
    font-size: 0.95rem;
    line-height: 1.45;
  }
  *, *::before, *::after { box-sizing: border-box; }
  a { color: var(--accent); }
  a:hover { color: var(--accent-dark); }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; box-shadow: 0 0 0 5px var(--text); border-radius: 2px; }
  h1 { font-size: 1.5rem; margin: 0 0 0.75rem; }
  h2 { font-size: 1.15rem; margin: 0 0 0.5rem; }
  h3 { font-size: 1rem; margin: 0 0 0.4rem; }
  button, .button {
    font: inherit; cursor: pointer; border-radius: 6px; padding: 0.4rem 0.85rem; min-height: 2.25rem;
    border: 1px solid var(--accent); background: var(--accent); color: #fff; text-decoration: none; display: inline-flex; align-items: center; gap: 0.3rem;
  }
  button:hover, .button:hover { background: var(--accent-dark); color: #fff; }
  button.secondary, .button.secondary { background: #fff; color: var(--accent); }
  button.secondary:hover, .button.secondary:hover { background: #e8f0fa; color: var(--accent-dark); }
  button.danger { background: var(--error); border-color: var(--error); }
  button.link { background: none; border: none; color: var(--accent); padding: 0.1rem 0.2rem; min-height: auto; text-decoration: underline; }
  button:disabled { opacity: 0.6; cursor: not-allowed; }
  label { font-weight: 600; display: block; margin-bottom: 0.2rem; }
  input, select, textarea {
    font: inherit; color: var(--text); background: #fff; border: 1px solid #7a8290; border-radius: 6px; padding: 0.4rem 0.55rem; min-height: 2.25rem; width: 100%;
  }
  input[type='checkbox'], input[type='radio'] { width: auto; min-height: auto; }
  input[aria-invalid='true'], select[aria-invalid='true'], textarea[aria-invalid='true'] { border: 2px solid var(--error); }
  .field { margin-bottom: 0.8rem; }
  .field-error { color: var(--error); font-size: 0.9rem; margin-top: 0.2rem; }
  .hint { color: var(--muted); font-size: 0.9rem; }
  .card { background: var(--surface); border: 1px solid var(--border); border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
  .row { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; }
  .row > .field { flex: 1 1 12rem; }
  .grid-2 { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; }
  @media (max-width: 900px) { .grid-2 { grid-template-columns: 1fr; } }
  .actions { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
  .chip { display: inline-block; padding: 0.1rem 0.55rem; border-radius: 999px; background: #e6ecf3; color: var(--text); font-size: 0.85rem; margin: 0 0.25rem 0.25rem 0; }
  .chip.warn { background: #fde7e5; color: #7d1a14; }
  .muted { color: var(--muted); }
  .error-box { border: 2px solid var(--error); background: #fdf1f0; color: #5f130e; border-radius: 6px; padding: 0.6rem 0.8rem; margin-bottom: 1rem; }
  table { width: 100%; border-collapse: collapse; background: var(--surface); }
  th, td { text-align: left; padding: 0.45rem 0.6rem; border-bottom: 1px solid var(--border); vertical-align: top; }
  th { font-weight: 600; background: #eef1f5; }
  .visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0; }
  dl.facts dt { color: var(--muted); }
  dl.facts dd { margin: 0; }
  ul.plain { list-style: none; margin: 0; padding: 0; }
`;
