import type { Locale } from '../host';

export const LOCALES: Locale[] = ['en', 'fr'];
export const LOCALE_KEY = 'tessera.locale';
export type MessageTable = Record<string, string>;
export type MessageTables = Partial<Record<Locale, MessageTable>>;

/** The stored choice, else the browser's language: French when it starts with fr, else English. */
export function detectLocale(stored: string | null | undefined, browserLanguage: string | undefined): Locale {
  if (stored === 'en' || stored === 'fr') return stored;
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

/** Replaces `{name}` by its value; a placeholder without a value stays as written. */
export function interpolate(template: string, vars?: Record<string, string | number>): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/**
 * Looks a key up in the locale's table, then in English, then in each fallback translator;
 * a key found nowhere is shown as itself, so that a missing message is visible, never blank.
 */
export function translator(tables: MessageTables, locale: Locale, fallbacks: Array<(key: string) => string | undefined> = []) {
  const lookup = (key: string): string | undefined => {
    const own = tables[locale]?.[key] ?? tables.en?.[key];
    if (own !== undefined) return own;
    for (const fallback of fallbacks) {
      const found = fallback(key);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  const t = (key: string, vars?: Record<string, string | number>): string => interpolate(lookup(key) ?? key, vars);
  return Object.assign(t, { lookup });
}

export type Translator = ReturnType<typeof translator>;
