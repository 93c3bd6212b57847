import { NotFoundException } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ReferenceController, TaxonomySearchQuery } from './reference.controller';

describe('ReferenceController', () => {
  const c = new ReferenceController();

  it('finds Clinical Social Worker 1041C0700X by name', () => {
    const found = c.searchTaxonomy({ search: 'clinical social worker' });
    expect(found.items.map((t) => t.code)).toContain('1041C0700X');
    expect(found.version).toBe('25.1');
  });

  it('looks a code up in any case, and answers 404 for a well-formed code NUCC does not list', () => {
    expect(c.taxonomy('1041c0700x')).toMatchObject({
      code: '1041C0700X',
      displayName: 'Clinical Social Worker',
    });
    expect(() => c.taxonomy('1041C0799X')).toThrow(NotFoundException);
  });

  it('lists places of service including office and both telehealth codes', () => {
    expect(c.placesOfService().items.map((p) => p.code)).toEqual(expect.arrayContaining(['02', '10', '11']));
  });

  it('searches billable ICD-10-CM codes by words and code, and looks one up dotted or not', () => {
    const found = c.searchDiagnoses({ search: 'post traumatic' });
    expect(found.releases).toEqual(['FY2026']);
    expect(found.items.map((d) => d.display)).toContain('F43.10');
    expect(found.items.every((d) => d.billable)).toBe(true);
    expect(c.searchDiagnoses({ search: 'F43.1', limit: 3 }).items).toHaveLength(3);
    expect(c.diagnosis('f4310')).toMatchObject({ code: 'F4310', display: 'F43.10' });
    expect(() => c.diagnosis('F43')).toThrow(/heading/);
    expect(() => c.diagnosis('F99.99X')).toThrow(NotFoundException);
  });

  it('requires a search text and bounds the limit', () => {
    expect(validateSync(plainToInstance(TaxonomySearchQuery, {})).map((e) => e.property)).toEqual(['search']);
    expect(
      validateSync(plainToInstance(TaxonomySearchQuery, { search: 'lcsw', limit: '500' })).map(
        (e) => e.property,
      ),
    ).toEqual(['limit']);
  });
});
