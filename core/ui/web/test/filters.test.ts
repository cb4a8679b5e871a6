import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToApiQuery, filtersToQuery, hasFilters } from '../src/search/filters';

describe('search filters in the URL', () => {
  it('round-trips through the hash query in a stable order', () => {
    const query = new URLSearchParams('cf.segment=GOLD&type=PERSON&sort=ID&classification=CUSTOMER&q=%20b%C3%A9r%20&cf.empty=&junk=1');
    const filters = filtersFromQuery(query);
    expect(filters).toEqual({ q: 'bér', type: 'PERSON', classification: 'CUSTOMER', sort: 'ID', customFields: { segment: 'GOLD' } });
    expect(filtersToQuery(filters).toString()).toBe('q=b%C3%A9r&type=PERSON&classification=CUSTOMER&sort=ID&cf.segment=GOLD');
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
  });

  it('sorts by name by default and leaves that out of the URL', () => {
    const filters = filtersFromQuery(new URLSearchParams('sort=bogus'));
    expect(filters.sort).toBe('NAME');
    expect(filtersToQuery(filters).toString()).toBe('');
    expect(hasFilters(filters)).toBe(false);
  });

  it('becomes the API query, custom fields under customFields.', () => {
    const filters = filtersFromQuery(new URLSearchParams('ownerId=951&cf.segment=GOLD'));
    expect(filtersToApiQuery(filters, 25, 'abc')).toEqual({ sort: 'NAME', limit: '25', ownerId: '951', 'customFields.segment': 'GOLD', cursor: 'abc' });
  });
});
