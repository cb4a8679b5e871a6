import { describe, expect, it } from 'vitest';
import { fillRoute, matchPattern, matchRoute, parseHash, toHash } from '../src/router';

describe('router', () => {
  it('parses a hash into a path and a query', () => {
    const location = parseHash('#/parties?type=PERSON&classification=CUSTOMER');
    expect(location.path).toBe('parties');
    expect(location.query.get('type')).toBe('PERSON');
    expect(parseHash('').path).toBe('');
    expect(parseHash('#/parties/12/').path).toBe('parties/12');
  });

  it('matches patterns with parameters, decoded', () => {
    expect(matchPattern('parties/:id', 'parties/12')).toEqual({ id: '12' });
    expect(matchPattern('parties/:id', 'parties/a%20b')).toEqual({ id: 'a b' });
    expect(matchPattern('parties/:id', 'parties/12/edit')).toBeNull();
    expect(matchPattern('parties/:id', 'parties/%ZZ')).toBeNull();
  });

  it('prefers literal segments over parameters, whatever the order of the table', () => {
    const routes = [{ path: 'parties/:id' }, { path: 'parties/new' }, { path: 'parties/:id/edit' }, { path: 'sales/opportunities/:id' }];
    expect(matchRoute(routes, 'parties/new')?.route.path).toBe('parties/new');
    expect(matchRoute(routes, 'parties/7')?.route.path).toBe('parties/:id');
    expect(matchRoute(routes, 'parties/7/edit')?.params).toEqual({ id: '7' });
    expect(matchRoute(routes, 'sales/pipeline')).toBeNull();
  });

  it('turns a search hit href into a hash and fills action templates', () => {
    expect(toHash('/parties/12')).toBe('#/parties/12');
    expect(toHash('sales/opportunities/7')).toBe('#/sales/opportunities/7');
    expect(fillRoute('sales/opportunities/new?accountId={partyId}', { partyId: '4 2' })).toBe('sales/opportunities/new?accountId=4%202');
  });
});
