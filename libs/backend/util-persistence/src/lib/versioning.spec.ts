import { RpcError } from '@claimline/backend/util-nats';
import { assertVersion, changedFields, escapeLike } from './versioning';

describe('assertVersion', () => {
  it('passes the version being edited and refuses another with 409 and the current version', () => {
    expect(() => assertVersion('Client', 3, 3)).not.toThrow();
    let error: unknown;
    try {
      assertVersion('Client', 4, 3);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).body).toEqual({
      code: 'conflict',
      message:
        'Client was changed by someone else (you edited version 3, the current version is 4); reload and try again',
      details: { currentVersion: 4 },
    });
  });
});

describe('changedFields', () => {
  // practice-settings' case: nested objects compare by value, undefined is no change.
  it('lists only keys whose values differ, comparing nested objects by value', () => {
    const current = { name: 'A', phone: '1', address: { line1: 'x', city: 'y' } };
    expect(changedFields(current, { name: 'A', phone: '2', address: { line1: 'x', city: 'y' } })).toEqual([
      'phone',
    ]);
    expect(changedFields(current, { address: { line1: 'z', city: 'y' }, email: undefined })).toEqual([
      'address',
    ]);
  });

  // client-insurance's case: a view leaves out what is not set, a command clears it with null.
  it('takes a value the current record does not have as null', () => {
    const current: Record<string, unknown> = { firstName: 'Ada', preferredName: null };
    expect(changedFields(current, { preferredName: null, genderIdentity: null })).toEqual([]);
    expect(changedFields(current, { genderIdentity: 'woman', preferredName: 'Addy' })).toEqual([
      'genderIdentity',
      'preferredName',
    ]);
    expect(changedFields({ email: 'a@b.c' }, { email: null })).toEqual(['email']);
  });

  it('compares objects whatever the order of their keys, and a missing nested value as null', () => {
    const current = { address: { line1: 'x', line2: null, city: 'y' } };
    expect(changedFields(current, { address: { city: 'y', line1: 'x' } })).toEqual([]);
    expect(changedFields(current, { address: { city: 'y', line1: 'x', line2: 'Suite 2' } })).toEqual([
      'address',
    ]);
  });

  it('compares arrays in order and dates as their ISO strings', () => {
    const current = { credentials: ['LCSW', 'PhD'], validFrom: new Date('2026-01-02T00:00:00.000Z') };
    expect(changedFields(current, { credentials: ['LCSW', 'PhD'] })).toEqual([]);
    expect(changedFields(current, { credentials: ['PhD', 'LCSW'] })).toEqual(['credentials']);
    expect(changedFields(current, { credentials: ['LCSW'] })).toEqual(['credentials']);
    expect(changedFields(current, { validFrom: '2026-01-02T00:00:00.000Z' })).toEqual([]);
    expect(changedFields({ n: 0, b: false, s: '' }, { n: null, b: null, s: null })).toEqual(['n', 'b', 's']);
  });
});

describe('escapeLike', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(escapeLike('50%_off\\')).toBe('50\\%\\_off\\\\');
    expect(escapeLike('smith')).toBe('smith');
  });
});
