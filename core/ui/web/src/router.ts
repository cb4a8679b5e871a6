/** Hash routing: `#/parties/12?tab=timeline` → path `parties/12`, query `tab=timeline`. */
export interface Location {
  path: string;
  query: URLSearchParams;
}

export function parseHash(hash: string): Location {
  let rest = hash.startsWith('#') ? hash.slice(1) : hash;
  if (rest.startsWith('/')) rest = rest.slice(1);
  const mark = rest.indexOf('?');
  const path = (mark < 0 ? rest : rest.slice(0, mark)).replace(/\/+$/, '');
  return { path, query: new URLSearchParams(mark < 0 ? '' : rest.slice(mark + 1)) };
}

/** `parties/12` or `/parties/12` (a search hit's href) → `#/parties/12`. */
export function toHash(route: string): string {
  return `#/${route.replace(/^[#/]+/, '')}`;
}

/** The parameters of `path` when it matches `pattern` (`parties/:id`), else null. */
export function matchPattern(pattern: string, path: string): Record<string, string> | null {
  const expected = pattern.split('/').filter(Boolean);
  const actual = path.split('/').filter(Boolean);
  if (expected.length !== actual.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < expected.length; i++) {
    const segment = expected[i];
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(actual[i]);
      } catch {
        return null;
      }
    } else if (segment !== actual[i]) {
      return null;
    }
  }
  return params;
}

/** Literal segments outrank parameters, position by position: `parties/new` beats `parties/:id`. */
function specificity(pattern: string): string {
  return pattern
    .split('/')
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? '0' : '1'))
    .join('');
}

export function matchRoute<R extends { path: string }>(routes: readonly R[], path: string): { route: R; params: Record<string, string> } | null {
  const ordered = [...routes].sort((a, b) => specificity(b.path).localeCompare(specificity(a.path)));
  for (const route of ordered) {
    const params = matchPattern(route.path, path);
    if (params) return { route, params };
  }
  return null;
}

/** Fills `{name}` placeholders of a route template (a party action's `sales/opportunities/new?accountId={partyId}`). */
export function fillRoute(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? encodeURIComponent(values[name]) : whole));
}
