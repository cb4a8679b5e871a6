/**
 * Words for what the overview's JSON gives in English: a figure's label, a relationship's type and
 * direction. Known keys read from the messages of the UI language; an unknown one keeps the
 * server's words (a module's figure the core has no message for, a relationship type added later).
 */
import type { KeyFigure, OverviewItem, OverviewSection } from '../model';

type Lookup = (key: string) => string | undefined;
type Translate = ((key: string, vars?: Record<string, string | number>) => string) & { lookup: Lookup };

/** `figure.<module>.<section>.<key>` in the messages, else the server's label, else the key. */
export function figureLabel(t: Translate, section: Pick<OverviewSection, 'module' | 'section'>, figure: KeyFigure): string {
  return t.lookup(`figure.${section.module}.${section.section}.${figure.key}`) ?? figure.label ?? figure.key;
}

/** A relationship item's subtitle: its type from the picklist's messages, worded for its direction. */
export function relationshipSubtitle(t: Translate, item: OverviewItem): string | undefined {
  const type = item.type ? t.lookup(`code.party-relationship-type.${item.type}`) : undefined;
  if (!type || !item.direction) return item.subtitle;
  return t(item.direction === 'INCOMING' ? 'relationship.incoming' : 'relationship.outgoing', { type });
}
