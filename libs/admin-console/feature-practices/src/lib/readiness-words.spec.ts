import type { ReadinessItem } from '@claimline/contracts/practice-settings';
import { fixRoute, groupBySection, sectionTitle } from './readiness-words';

const item = (section: string, status: string) => ({ section, status }) as unknown as ReadinessItem;

describe('readiness checklist words', () => {
  it('names the known sections as the guide does, and others in words', () => {
    expect(sectionTitle('secure-messaging')).toBe('Enable Secure Messaging');
    expect(sectionTitle('claims_setup')).toBe('Claims setup');
    expect(sectionTitle('--')).toBe('Other');
  });

  it('groups items by section in the order they come, counting the done ones', () => {
    const sections = groupBySection([
      item('profile', 'done'),
      item('account', 'missing'),
      item('profile', 'missing'),
      item('profile', 'done'),
    ]);
    expect(sections.map((s) => [s.key, s.items.length, s.done])).toEqual([
      ['profile', 3, 2],
      ['account', 1, 0],
    ]);
  });

  it('puts other services’ client links under the practice', () => {
    expect(fixRoute('p1', '/clients/c9/insurance')).toBe('/practices/p1/clients/c9/insurance');
    expect(fixRoute('p1', '/practices/p1/settings/billing')).toBe('/practices/p1/settings/billing');
  });
});
