import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { DocumentsEventTypes, DocumentsSubjects } from './documents.subjects';
import {
  ListDocumentsQuery,
  OpenDocumentCommand,
  RegisterDocumentCommand,
  UploadDocumentParams,
} from './documents.dto';
import type { DocumentsEvents, DocumentsRpc } from './documents.maps';

const messages = (errors: ValidationError[]) =>
  Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
const id = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';

describe('documents contracts', () => {
  it('keeps request subjects and event types apart and under the service prefix', () => {
    const subjects = new Set<string>(Object.values(DocumentsSubjects));
    for (const type of Object.values(DocumentsEventTypes)) {
      expect(subjects.has(type)).toBe(false);
      expect(type.startsWith('documents.')).toBe(true);
    }
    const rpc: Record<keyof DocumentsRpc, true> = Object.fromEntries(
      [...subjects].map((s) => [s, true]),
    ) as never;
    const events: Record<keyof DocumentsEvents, true> = Object.fromEntries(
      Object.values(DocumentsEventTypes).map((s) => [s, true]),
    ) as never;
    expect(Object.keys(rpc)).toHaveLength(Object.keys(DocumentsSubjects).length);
    expect(Object.keys(events)).toHaveLength(Object.keys(DocumentsEventTypes).length);
  });

  it('validates upload parameters in words an uploader understands', () => {
    expect(
      validateSync(
        plainToInstance(UploadDocumentParams, {
          linkedType: 'client',
          linkedId: id,
          kind: 'eob',
          name: 'eob.pdf',
        }),
      ),
    ).toHaveLength(0);
    const m = messages(
      validateSync(
        plainToInstance(UploadDocumentParams, {
          linkedType: 'invoice',
          linkedId: '12',
          kind: 'selfie',
          name: '../etc/passwd',
        }),
      ),
    );
    expect(Object.keys(m).sort()).toEqual(['kind', 'linkedId', 'linkedType', 'name']);
    expect(m['linkedType'][0]).toContain('client, policy, claim, enrollment, message');
    expect(m['name'][0]).toContain('without slashes');
  });

  it('accepts only upload objects as transfer objects', () => {
    const base = { practiceId: id, linkedType: 'client', linkedId: id, kind: 'other', name: 'a.pdf' };
    expect(
      validateSync(plainToInstance(RegisterDocumentCommand, { ...base, transferObject: `upload/${id}` })),
    ).toHaveLength(0);
    expect(
      Object.keys(
        messages(
          validateSync(plainToInstance(RegisterDocumentCommand, { ...base, transferObject: 'download/x' })),
        ),
      ),
    ).toEqual(['transferObject']);
  });

  it('lists by practice, optionally narrowed by link and kind, with the common paging rules', () => {
    expect(validateSync(plainToInstance(ListDocumentsQuery, { practiceId: id }))).toHaveLength(0);
    expect(
      validateSync(
        plainToInstance(ListDocumentsQuery, {
          practiceId: id,
          linkedType: 'policy',
          linkedId: id,
          kind: 'insurance_card_back',
          limit: '20',
          offset: '40',
        }),
      ),
    ).toHaveLength(0);
    const m = messages(
      validateSync(
        plainToInstance(ListDocumentsQuery, {
          practiceId: id,
          linkedType: 'invoice',
          linkedId: 'x',
          kind: 'selfie',
          limit: '500',
        }),
      ),
    );
    expect(Object.keys(m).sort()).toEqual(['kind', 'limit', 'linkedId', 'linkedType']);
  });

  it('opens the original by default, or the preview', () => {
    expect(
      validateSync(plainToInstance(OpenDocumentCommand, { practiceId: id, documentId: id })),
    ).toHaveLength(0);
    expect(
      validateSync(plainToInstance(OpenDocumentCommand, { practiceId: id, documentId: id, size: 'preview' })),
    ).toHaveLength(0);
    expect(
      messages(
        validateSync(
          plainToInstance(OpenDocumentCommand, { practiceId: id, documentId: id, size: 'thumbnail' }),
        ),
      )['size'][0],
    ).toBe('size must be one of original, preview');
  });
});
