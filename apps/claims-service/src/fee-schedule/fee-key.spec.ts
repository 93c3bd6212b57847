import { modifierKey } from './fee-key';

describe('modifierKey', () => {
  it('finds one fee whatever order or case the modifiers are written in', () => {
    expect(modifierKey(['HO', '95'])).toBe(modifierKey(['95', 'ho']));
    expect(modifierKey(['95'])).not.toBe(modifierKey(['95', 'HO']));
    expect(modifierKey([])).toBe('');
  });
});
