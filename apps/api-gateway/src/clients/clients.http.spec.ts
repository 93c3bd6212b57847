import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationOptions } from '@claimline/backend/util-nats';
import { ClientSearchParams, MissingInfoManyBody } from './clients.http';

describe('HTTP query and body classes', () => {
  const check = async <T extends object>(cls: new () => T, plain: object) => {
    const value = plainToInstance(cls, plain);
    const errors = await validate(value, validationOptions);
    return { value, errors: errors.map((e) => e.property) };
  };

  it('parses the client search query string (numbers, booleans) and refuses a practiceId in it', async () => {
    const ok = await check(ClientSearchParams, {
      search: 'smi',
      birthDate: '1990-02-03',
      active: 'false',
      limit: '20',
      offset: '40',
    });
    expect(ok.errors).toEqual([]);
    expect(ok.value).toMatchObject({
      search: 'smi',
      birthDate: '1990-02-03',
      active: false,
      limit: 20,
      offset: 40,
    });
    expect((await check(ClientSearchParams, { active: 'yes' })).errors).toEqual(['active']);
    expect((await check(ClientSearchParams, { birthDate: '1990-02-30' })).errors).toEqual(['birthDate']);
    expect(
      (await check(ClientSearchParams, { practiceId: '00000000-0000-4000-8000-000000000000' })).errors,
    ).toEqual(['practiceId']);
  });

  it('takes up to 1,000 distinct client ids for the bulk missing-info query', async () => {
    const id = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
    expect(
      (await check(MissingInfoManyBody, { clientIds: Array.from({ length: 1000 }, (_, i) => id(i)) })).errors,
    ).toEqual([]);
    expect(
      (await check(MissingInfoManyBody, { clientIds: Array.from({ length: 1001 }, (_, i) => id(i)) })).errors,
    ).toEqual(['clientIds']);
    expect((await check(MissingInfoManyBody, { clientIds: [] })).errors).toEqual(['clientIds']);
    expect((await check(MissingInfoManyBody, { clientIds: ['nope'] })).errors).toEqual(['clientIds']);
  });
});
