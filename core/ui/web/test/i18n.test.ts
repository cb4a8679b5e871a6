import { describe, expect, it } from 'vitest';
import { detectLocale, interpolate, translator } from '../src/i18n/i18n';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';

describe('i18n', () => {
  it('takes the stored choice, else the browser language', () => {
    expect(detectLocale('fr', 'en-US')).toBe('fr');
    expect(detectLocale(null, 'fr-CA')).toBe('fr');
    expect(detectLocale(null, 'de-DE')).toBe('en');
    expect(detectLocale('xx', undefined)).toBe('en');
  });

  it('looks up the locale, then English, then fallbacks, then shows the key', () => {
    const t = translator({ en: { a: 'A', b: 'B {n}' }, fr: { a: 'À' } }, 'fr', [(key) => (key === 'c' ? 'from core' : undefined)]);
    expect(t('a')).toBe('À');
    expect(t('b', { n: 3 })).toBe('B 3');
    expect(t('c')).toBe('from core');
    expect(t('missing.key')).toBe('missing.key');
    expect(t.lookup('missing.key')).toBeUndefined();
  });

  it('leaves unknown placeholders as written', () => {
    expect(interpolate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('has the same keys in English and French, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) expect(value, key).not.toBe('');
  });

  it('keeps the accessible names the browser tests rely on', () => {
    expect([en['login.login'], fr['login.login']]).toEqual(['Login', 'Identifiant']);
    expect([en['login.password'], fr['login.password']]).toEqual(['Password', 'Mot de passe']);
    expect([en['login.submit'], fr['login.submit']]).toEqual(['Sign in', 'Se connecter']);
    expect([en['search.label'], fr['search.label']]).toEqual(['Search', 'Rechercher']);
    expect([en['nav.main'], fr['nav.main']]).toEqual(['Main', 'Principal']);
  });
});
