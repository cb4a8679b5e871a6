/**
 * A write refused with 412: someone saved the record since it was read. Three versions meet:
 * `base` (what this user read), `yours` (what they want), `theirs` (what is stored now).
 */

export interface FieldDiff {
  field: string;
  base: unknown;
  yours: unknown;
  theirs: unknown;
  /** This user changed the field. */
  changedByYou: boolean;
  /** Someone else changed it meanwhile. */
  changedByThem: boolean;
  /** Both changed it, to different values. */
  conflicting: boolean;
}

/** Compares as JSON, with the order of a list of plain values not mattering (classifications are a set). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(normalize(value));
}

function normalize(value: unknown): unknown {
  if (value === undefined || value === null || value === '') return null;
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    return items.every((item) => item === null || typeof item !== 'object') ? [...items].sort() : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value as object).sort()) {
      const item = normalize((value as Record<string, unknown>)[key]);
      if (item !== null && !(key === 'id' && typeof item === 'string')) out[key] = item;
    }
    return Object.keys(out).length ? out : null;
  }
  return value;
}

/** A field path: `lastName`, or `customFields.segment` for one custom field. */
export function readField(record: Record<string, unknown>, field: string): unknown {
  const [head, ...rest] = field.split('.');
  const value = record[head];
  if (!rest.length) return value;
  return value && typeof value === 'object' ? (value as Record<string, unknown>)[rest.join('.')] : undefined;
}

function writeField(record: Record<string, unknown>, field: string, value: unknown): void {
  const [head, ...rest] = field.split('.');
  if (!rest.length) {
    record[head] = structuredCloneSafe(value);
    return;
  }
  const nested = { ...((record[head] as Record<string, unknown>) ?? {}) };
  if (value === undefined || value === null || value === '') delete nested[rest.join('.')];
  else nested[rest.join('.')] = structuredCloneSafe(value);
  record[head] = nested;
}

function structuredCloneSafe<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** The fields compared: the given ones, plus each custom field any of the three versions has. */
export function comparedFields(fields: string[], ...records: Record<string, unknown>[]): string[] {
  const custom = new Set<string>();
  for (const record of records) {
    for (const key of Object.keys((record.customFields as object) ?? {})) custom.add(`customFields.${key}`);
  }
  return [...fields, ...[...custom].sort()];
}

/** Every field that you or they changed, in the order of `fields`. */
export function diffVersions(
  base: Record<string, unknown>,
  yours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  fields: string[],
): FieldDiff[] {
  const diffs: FieldDiff[] = [];
  for (const field of comparedFields(fields, base, yours, theirs)) {
    const b = readField(base, field);
    const y = readField(yours, field);
    const t = readField(theirs, field);
    const changedByYou = !sameValue(b, y);
    const changedByThem = !sameValue(b, t);
    if (!changedByYou && !changedByThem) continue;
    diffs.push({ field, base: b, yours: y, theirs: t, changedByYou, changedByThem, conflicting: changedByYou && changedByThem && !sameValue(y, t) });
  }
  return diffs;
}

/**
 * Your changes put on top of the current version: every field you changed takes your value, every
 * other field keeps theirs. The result is a new draft to review and save against their version.
 */
export function reapplyChanges<T extends Record<string, unknown>>(base: T, yours: T, theirs: T, fields: string[]): T {
  const merged = structuredCloneSafe(theirs) as Record<string, unknown>;
  for (const diff of diffVersions(base, yours, theirs, fields)) {
    if (diff.changedByYou) writeField(merged, diff.field, diff.yours);
  }
  return merged as T;
}
