import {
  bcbsWarning,
  findPayerById,
  findPayerByKey,
  findPayersById,
  localBcbsPlanForState,
  localBcbsPlansForState,
  searchPayers,
} from './payer-directory';
import { PAYERS } from './payers';
import { US_STATE_LIKE_CODES } from '@claimline/domain';

const names = (payers: { name: string }[]) => payers.map((p) => p.name);

describe('payer directory data', () => {
  it('has the four verified payer IDs', () => {
    const verified = PAYERS.filter((p) => p.idVerified).map((p) => [p.name, p.payerIds.default]);
    expect(verified).toEqual([
      ['Aetna', '60054'],
      ['Cigna', '62308'],
      ['UnitedHealthcare', '87726'],
      ['Humana', '61101'],
    ]);
  });

  it('marks every other ID and every requirement set as an example', () => {
    for (const payer of PAYERS.filter((p) => !p.idVerified)) {
      expect(payer.source).toMatch(/verify with your clearinghouse's payer list/);
    }
    expect(PAYERS.every((p) => !p.requirementsVerified)).toBe(true);
  });

  it('has about 30 or more payers with unique keys and known states', () => {
    expect(PAYERS.length).toBeGreaterThanOrEqual(29);
    expect(new Set(PAYERS.map((p) => p.key)).size).toBe(PAYERS.length);
    const states = new Set<string>(US_STATE_LIKE_CODES);
    expect(PAYERS.flatMap((p) => p.states ?? []).every((s) => states.has(s))).toBe(true);
  });

  it('gives every BCBS plan a state, and no ERA enrollment where ERA is unsupported', () => {
    expect(PAYERS.filter((p) => p.isBcbs).every((p) => p.states?.length)).toBe(true);
    expect(PAYERS.filter((p) => !p.eraSupported).every((p) => !p.eraEnrollmentRequired)).toBe(true);
  });
});

describe('findPayerById', () => {
  it.each([
    ['60054', 'Aetna'],
    ['62308', 'Cigna'],
    ['87726', 'UnitedHealthcare'],
    ['61101', 'Humana'],
    ['84980', 'Blue Cross and Blue Shield of Texas'],
    ['tdfic', 'TRICARE For Life (WPS)'],
  ])('finds %s: %s', (id, name) => expect(findPayerById(id)?.name).toBe(name));

  it('lists every payer sharing an ID', () =>
    expect(names(findPayersById('87726'))).toEqual(['UnitedHealthcare', 'Optum Behavioral Health']));

  it('knows nothing of unknown IDs or clearinghouses', () => {
    expect(findPayerById('00000')).toBeUndefined();
    expect(findPayerById('60054', 'other-clearinghouse')).toBeUndefined();
  });

  it('finds by key', () => expect(findPayerByKey('florida-blue')?.payerIds.default).toBe('00590'));
});

describe('local BCBS plans', () => {
  it.each([
    ['TX', 'Blue Cross and Blue Shield of Texas'],
    ['FL', 'Florida Blue'],
    ['IL', 'Blue Cross and Blue Shield of Illinois'],
    ['CA', 'Anthem Blue Cross (California)'],
    ['ny', 'Empire BlueCross BlueShield'],
    ['PA', 'Highmark Blue Cross Blue Shield'],
    ['WA', 'Premera Blue Cross'],
    ['MD', 'CareFirst BlueCross BlueShield'],
    ['VA', 'Anthem Blue Cross and Blue Shield (Virginia)'],
  ])('%s → %s', (state, name) => expect(localBcbsPlanForState(state)?.name).toBe(name));

  it('lists every plan serving a state', () =>
    expect(names(localBcbsPlansForState('CA'))).toEqual([
      'Anthem Blue Cross (California)',
      'Blue Shield of California',
    ]));

  it('has none for a state without a seeded plan', () => expect(localBcbsPlanForState('WY')).toBeUndefined());
});

describe('bcbsWarning', () => {
  const texas = findPayerByKey('bcbs-tx')!;
  const florida = findPayerByKey('florida-blue')!;

  it('is silent for the local plan', () => expect(bcbsWarning(texas, 'TX')).toBeUndefined());
  it('is silent for a second local plan', () =>
    expect(bcbsWarning(findPayerByKey('blue-shield-ca')!, 'CA')).toBeUndefined());
  it('is silent for payers that are not BCBS', () =>
    expect(bcbsWarning(findPayerByKey('aetna')!, 'TX')).toBeUndefined());

  it('names the local plan when another one is chosen', () =>
    expect(bcbsWarning(florida, 'TX')).toBe(
      'Florida Blue is not the Blue Cross Blue Shield plan for Texas. Blue Cross Blue Shield claims go to the plan ' +
        'local to your practice (Blue Cross and Blue Shield of Texas), even for out-of-area members.',
    ));

  it('names every local plan in a state with several', () =>
    expect(bcbsWarning(texas, 'CA')).toContain(
      '(Anthem Blue Cross (California) or Blue Shield of California)',
    ));

  it('still warns where no local plan is seeded', () =>
    expect(bcbsWarning(texas, 'WY')).toContain('the plan local to your practice (the Wyoming plan)'));
});

describe('searchPayers', () => {
  it('finds by name, ignoring case', () => expect(names(searchPayers('aetna'))).toEqual(['Aetna']));
  it('finds by payer ID, exact match first', () => expect(searchPayers('62308')[0].name).toBe('Cigna'));
  it('prefers the verified payer among those sharing an ID', () =>
    expect(searchPayers('87726')[0].name).toBe('UnitedHealthcare'));
  it('finds by alias', () => {
    expect(names(searchPayers('beacon'))).toEqual(['Carelon Behavioral Health']);
    expect(searchPayers('UHC')[0].name).toBe('UnitedHealthcare');
  });
  it('finds BCBS plans by state name', () => expect(searchPayers('blue cross texas')[0].key).toBe('bcbs-tx'));

  it('puts plans local to the state first', () => {
    const results = searchPayers('bcbs', { state: 'FL' });
    expect(results[0].key).toBe('florida-blue');
    expect(results.length).toBeGreaterThan(5);
  });

  it('puts national payers before other states', () => {
    const results = searchPayers('medicare', { state: 'TX' });
    expect(results[0].key).toBe('medicare-novitas-jh-tx');
    expect(results[1].key).toBe('railroad-medicare');
  });

  it('requires every word to match', () => expect(searchPayers('aetna texas')).toEqual([]));

  it('lists everything for an empty query, honouring the limit', () => {
    expect(searchPayers('', { limit: 100 })).toHaveLength(PAYERS.length);
    expect(searchPayers('', { state: 'TX', limit: 3 }).map((p) => p.states)).toEqual([
      ['TX'],
      ['TX'],
      ['TX'],
    ]);
  });
});
