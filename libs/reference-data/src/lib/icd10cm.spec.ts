import {
  allDiagnoses,
  checkDiagnosisCode,
  diagnosisReleaseFor,
  findDiagnosis,
  ICD10CM_RELEASES,
  normalizeDiagnosisCode,
  searchDiagnoses,
} from './icd10cm';

describe('ICD-10-CM (behavioural-health subset)', () => {
  it('ships the FY2026 release with its 1,497 rows, 1,171 of them billable', () => {
    expect(ICD10CM_RELEASES.map((r) => r.release)).toEqual(['FY2026']);
    const all = allDiagnoses();
    expect(all).toHaveLength(1497);
    expect(all.filter((d) => d.billable)).toHaveLength(1171);
    expect(new Set(all.map((d) => d.code[0]))).toEqual(new Set(['F', 'R', 'Z']));
  });

  it('finds a code with or without its dot, in any case', () => {
    for (const input of ['F43.10', 'f4310', ' F43.10 ']) {
      expect(findDiagnosis(input)).toMatchObject({
        code: 'F4310',
        display: 'F43.10',
        billable: true,
        title: 'Post-traumatic stress disorder, unspecified',
        releases: ['FY2026'],
      });
    }
    expect(normalizeDiagnosisCode('F43.1.0')).toBeUndefined();
    expect(findDiagnosis('J45.909')).toBeUndefined();
  });

  it('accepts a billable code and refuses headings, unknown codes and non-codes with the reason', () => {
    expect(checkDiagnosisCode('F41.1')).toMatchObject({ ok: true, value: { code: 'F411' } });
    const heading = checkDiagnosisCode('F43.1');
    expect(heading).toMatchObject({ ok: false, problems: [{ code: 'diagnosis.not_billable' }] });
    expect(!heading.ok && heading.problems[0].message).toContain('F43.10, F43.11, F43.12');
    expect(checkDiagnosisCode('J45.909')).toMatchObject({
      ok: false,
      problems: [{ code: 'diagnosis.unknown' }],
    });
    expect(checkDiagnosisCode('depression')).toMatchObject({
      ok: false,
      problems: [{ code: 'diagnosis.format' }],
    });
  });

  it('checks the release in force on the date of service', () => {
    expect(diagnosisReleaseFor('2026-03-15')).toMatchObject({ release: { release: 'FY2026' }, stale: false });
    // After the newest release shipped: still answered, flagged so the code set can be updated.
    expect(diagnosisReleaseFor('2026-11-02')).toMatchObject({ release: { release: 'FY2026' }, stale: true });
    expect(diagnosisReleaseFor('2025-09-30')).toBeUndefined();
    expect(checkDiagnosisCode('F32.A', '2026-01-05')).toMatchObject({ ok: true });
    expect(checkDiagnosisCode('F32.A', '2025-06-01')).toMatchObject({
      ok: false,
      problems: [{ code: 'diagnosis.no_release' }],
    });
  });

  it('searches by code prefix, listing the code and what is under it', () => {
    expect(searchDiagnoses('f43.1').map((d) => d.display)).toEqual(['F43.1', 'F43.10', 'F43.11', 'F43.12']);
    expect(searchDiagnoses('F43.1', { billableOnly: true }).map((d) => d.display)).toEqual([
      'F43.10',
      'F43.11',
      'F43.12',
    ]);
  });

  it('searches by words and by the abbreviations clinicians type', () => {
    expect(searchDiagnoses('generalized anxiety').map((d) => d.display)).toContain('F41.1');
    expect(searchDiagnoses('ptsd', { billableOnly: true }).map((d) => d.display)).toEqual([
      'F43.10',
      'F43.11',
      'F43.12',
    ]);
    expect(searchDiagnoses('adhd combined').map((d) => d.display)).toEqual(['F90.2']);
    const behavioural = searchDiagnoses('behavioural');
    expect(behavioural.length).toBeGreaterThan(0);
    expect(searchDiagnoses('  ')).toEqual([]);
    expect(searchDiagnoses('anxiety', { limit: 0 })).toEqual([]);
  });
});
