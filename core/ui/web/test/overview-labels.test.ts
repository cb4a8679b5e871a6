import { describe, expect, it } from 'vitest';
import { translator } from '../src/i18n/i18n';
import en from '../src/i18n/en.json';
import fr from '../src/i18n/fr.json';
import { figureLabel, relationshipSubtitle } from '../src/components/overview-labels';

const french = translator({ en, fr }, 'fr', []);
const relationships = { module: 'core', section: 'relationships' };

describe('overview labels', () => {
  it('translates a known figure key and keeps the server label of an unknown one', () => {
    expect(figureLabel(french, relationships, { key: 'current', label: 'Current relationships', value: 2 })).toBe('Relations en cours');
    expect(figureLabel(french, { module: 'core', section: 'next-activity' }, { key: 'overdue', label: 'Overdue activities', value: 1 }))
      .toBe('Activités en retard');
    expect(figureLabel(french, { module: 'dealer', section: 'vehicles' }, { key: 'count', label: 'Vehicles', value: 3 })).toBe('Vehicles');
    expect(figureLabel(french, { module: 'dealer', section: 'vehicles' }, { key: 'count', value: 3 })).toBe('count');
  });

  it('words a relationship for its direction from the type code, else keeps the server subtitle', () => {
    const item = { id: 'core:relationship:1', title: 'Famille Bérard', type: 'MEMBER_OF_HOUSEHOLD', subtitle: 'MEMBER_OF_HOUSEHOLD' };
    expect(relationshipSubtitle(french, { ...item, direction: 'OUTGOING' })).toBe('Membre du foyer de');
    expect(relationshipSubtitle(french, { ...item, direction: 'INCOMING', subtitle: 'MEMBER_OF_HOUSEHOLD this party' }))
      .toBe('Membre du foyer de ce tiers');
    expect(relationshipSubtitle(french, { ...item, type: 'MENTOR_OF', subtitle: 'MENTOR_OF this party', direction: 'INCOMING' }))
      .toBe('MENTOR_OF this party');
    expect(relationshipSubtitle(french, { ...item, direction: undefined })).toBe('MEMBER_OF_HOUSEHOLD');
  });
});
