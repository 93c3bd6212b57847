import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { validationOptions } from '@claimline/backend/util-nats';
import { DocumentContentParams, ListDocumentsParams } from './documents.http';

describe('documents query classes', () => {
  const check = async <T extends object>(cls: new () => T, plain: object) => {
    const value = plainToInstance(cls, plain);
    return { value, errors: (await validate(value, validationOptions)).map((e) => e.property) };
  };

  it('parses the list filters and paging, and refuses a practiceId in the query', async () => {
    const ok = await check(ListDocumentsParams, {
      linkedType: 'policy',
      linkedId: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10',
      kind: 'insurance_card_back',
      limit: '10',
      offset: '20',
    });
    expect(ok.errors).toEqual([]);
    expect(ok.value).toMatchObject({ limit: 10, offset: 20 });
    expect(
      (await check(ListDocumentsParams, { practiceId: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10' })).errors,
    ).toEqual(['practiceId']);
    expect((await check(ListDocumentsParams, { kind: 'selfie' })).errors).toEqual(['kind']);
  });

  it('takes size=original or size=preview for the content', async () => {
    expect((await check(DocumentContentParams, {})).errors).toEqual([]);
    expect((await check(DocumentContentParams, { size: 'preview' })).errors).toEqual([]);
    expect((await check(DocumentContentParams, { size: 'thumb' })).errors).toEqual(['size']);
    expect((await check(DocumentContentParams, { documentId: 'x' })).errors).toEqual(['documentId']);
  });
});
