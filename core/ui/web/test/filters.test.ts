import { describe, expect, it } from 'vitest';
import { filtersFromQuery, filtersToApiQuery, filtersToQuery, hasFilters, parseSort, sortState, toggleSort } from '../src/search/filters';

describe('search filters in the URL', () => {
  it('round-trips through the hash query in a stable order', () => {
    const query = new URLSearchParams('cf.segment=GOLD&type=PERSON&sort=-createdAt&classification=CUSTOMER&q=%20b%C3%A9r%20&cf.empty=&junk=1');
    const filters = filtersFromQuery(query);
    expect(filters).toEqual({ q: 'bér', type: 'PERSON', classification: 'CUSTOMER', sort: '-createdAt', customFields: { segment: 'GOLD' } });
    expect(filtersToQuery(filters).toString()).toBe('q=b%C3%A9r&type=PERSON&classification=CUSTOMER&sort=-createdAt&cf.segment=GOLD');
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
  });

  it('sorts by name by default and leaves that out of the URL', () => {
    const filters = filtersFromQuery(new URLSearchParams('sort=bogus'));
    expect(filters.sort).toBe('name');
    expect(filtersToQuery(filters).toString()).toBe('');
    expect(hasFilters(filters)).toBe(false);
  });

  it('reads former bookmarks, turns a column around on each click and tells its aria-sort', () => {
    expect(parseSort('ID')).toBe('id');
    expect(parseSort('NAME')).toBe('name');
    expect(parseSort('-name')).toBe('-name');
    expect(parseSort('--name')).toBe('name');
    expect(toggleSort('name', 'name')).toBe('-name');
    expect(toggleSort('-name', 'name')).toBe('name');
    expect(toggleSort('-name', 'createdAt')).toBe('createdAt');
    expect(toggleSort('createdAt', 'createdAt')).toBe('-createdAt');
    expect(sortState('-createdAt', 'createdAt')).toBe('descending');
    expect(sortState('-createdAt', 'name')).toBe('none');
    expect(sortState('name', 'name')).toBe('ascending');
  });

  it('becomes the API query, custom fields under customFields.', () => {
    const filters = filtersFromQuery(new URLSearchParams('ownerId=951&cf.segment=GOLD'));
    expect(filtersToApiQuery(filters, 25, 'abc')).toEqual({ sort: 'name', limit: '25', ownerId: '951', 'customFields.segment': 'GOLD', cursor: 'abc' });
  });
});
