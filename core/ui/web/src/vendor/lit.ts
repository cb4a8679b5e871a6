// The shared Lit of the import map (/tessera/vendor/lit.js): one module re-exporting every
// specifier the UI contract lists, so that the shell and every module UI use one Lit.
export * from 'lit';
export * from 'lit/decorators.js';
export * from 'lit/directives/repeat.js';
export * from 'lit/directives/class-map.js';
export * from 'lit/directives/if-defined.js';
export * from 'lit/directives/live.js';
export * from 'lit/directives/unsafe-html.js';
export * from 'lit/directives/style-map.js';
export * from 'lit/directives/ref.js';
export * from 'lit/directives/until.js';
