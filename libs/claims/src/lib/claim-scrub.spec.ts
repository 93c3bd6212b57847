import { CONTEXT, line, snapshot } from '../../test/snapshots';
import type { ClaimSnapshot, ScrubContext } from './claim-snapshot';
import { scrubClaim, type ScrubFinding } from './claim-scrub';
import { patientControlNumber } from './control-numbers';

const pcn = patientControlNumber(1);
const scrub = (overrides: Partial<ClaimSnapshot> = {}, context: Partial<ScrubContext> = {}) =>
  scrubClaim(snapshot(1, overrides), { ...CONTEXT, ...context });
const codes = (findings: ScrubFinding[]) => findings.map((f) => f.code);
const only = (findings: ScrubFinding[], code: string) => {
  const found = findings.filter((f) => f.code === code);
  expect(found).toHaveLength(1);
  return found[0];
};

describe('scrubbing', () => {
  it('finds nothing on a clean claim, the 837P writer’s checks included', () => {
    expect(scrub()).toEqual([]);
  });

  it('names a missing member ID and sends the biller to the policy', () => {
    const findings = scrub({ subscriber: { ...snapshot().subscriber, memberId: '' } });
    expect(findings).toEqual([
      {
        code: 'subscriber.member_id.missing',
        severity: 'error',
        message: "Client's member ID is missing",
        fix: { target: 'policy', id: 'policy-1', field: 'memberId' },
      },
    ]);
  });

  it('names a member ID with stray characters', () => {
    const f = only(
      scrub({ subscriber: { ...snapshot().subscriber, memberId: 'XJ*123' } }),
      'subscriber.member_id.characters',
    );
    expect(f.message).toBe('Member ID XJ*123 may contain only letters and digits; remove "*"');
  });

  it('names an NPI that fails its check digit, with whose it is', () => {
    const bp = { ...snapshot().billingProvider, npi: '1234567890' };
    const f = only(scrub({ billingProvider: bp }), 'billing_provider.npi.check_digit');
    expect(f.message).toBe("The practice's billing NPI 1234567890 fails its check digit");
    expect(f.fix).toEqual({ target: 'practice', id: 'practice-1', field: 'npi' });

    const rp = { ...snapshot().renderingProvider, npi: '1245319590' };
    const r = only(scrub({ renderingProvider: rp }), 'rendering_provider.npi.check_digit');
    expect(r.message).toBe("Alex Smith's NPI 1245319590 fails its check digit");
    expect(r.fix).toEqual({ target: 'team_member', id: 'tm-1', field: 'npi' });
  });

  it('sends an individual billing provider’s problems to that clinician', () => {
    const findings = scrub({
      sources: { ...snapshot().sources, billingTeamMemberId: 'tm-9' },
      billingProvider: {
        ...snapshot().billingProvider,
        billAs: 'individual',
        taxId: { kind: 'ssn', value: '000-12-3456' },
      },
    });
    expect(only(findings, 'billing_provider.tax_id.area').fix).toEqual({
      target: 'team_member',
      id: 'tm-9',
      field: 'taxId',
    });
  });

  it('refuses a PO box and a 5-digit ZIP as the billing address', () => {
    const findings = scrub({
      billingProvider: {
        ...snapshot().billingProvider,
        address: { line1: 'PO Box 12', city: 'Portland', state: 'OR', postalCode: '97201' },
      },
    });
    expect(codes(findings)).toEqual(['billing_provider.po_box', 'billing_provider.zip_plus_4']);
    expect(findings[1].message).toBe(
      "The practice's billing ZIP code 97201 needs its 4-digit extension (ZIP+4)",
    );
  });

  it('says when the units do not fit a time-based code, and when the session is too short for it', () => {
    const lines = [
      line(pcn, 1, { minutes: 53, units: 2 }),
      line(pcn, 2, { serviceDate: '2026-09-11', minutes: 45 }),
    ];
    const findings = scrub({ lines });
    expect(only(findings, 'line.units_mismatch').message).toBe(
      'Units do not fit a 53-minute 90837: it is billed once per session, not 2 units',
    );
    expect(only(findings, 'line.minutes_mismatch')).toMatchObject({
      message: 'A 45-minute session does not fit 90837 (53 minutes or more)',
      fix: { target: 'appointment', id: 'appt-2', field: 'procedure' },
    });
  });

  it('counts 90840 units in half hours after the first 74 minutes', () => {
    const crisis = (minutes: number, units: number) =>
      scrub({
        lines: [
          line(pcn, 1, { procedure: '90839', minutes, chargeCents: 20000 }),
          line(pcn, 2, { procedure: '90840', minutes, units, chargeCents: 9000 }),
        ],
      });
    expect(crisis(110, 2)).toEqual([]);
    expect(only(crisis(110, 1), 'line.units_mismatch').message).toBe(
      'Units do not fit a 110-minute 90840: bill 2 units, not 1',
    );
    expect(codes(crisis(60, 1))).toContain('line.minutes_mismatch');
  });

  it.each(['02', '10'])('needs modifier 95 or 93 at telehealth place of service %s', (pos) => {
    const lines = [
      line(pcn, 1, { placeOfService: pos }),
      line(pcn, 2, { placeOfService: pos, modifiers: ['95'] }),
    ];
    const f = only(scrub({ lines }), 'line.telehealth_modifier_missing');
    expect(f.message).toBe(
      `Telehealth place of service ${pos} needs modifier 95 (video) or 93 (audio only) on 90837`,
    );
    expect(f.fix).toEqual({ target: 'appointment', id: 'appt-1', field: 'modifiers' });
    expect(scrub({ lines: [line(pcn, 1, { placeOfService: pos, modifiers: ['93'] })] })).toEqual([]);
  });

  it('warns about a telehealth modifier in the office, and refuses mixed places of service', () => {
    const findings = scrub({
      lines: [
        line(pcn, 1, { modifiers: ['95'] }),
        line(pcn, 2, { placeOfService: '12', serviceDate: '2026-09-11' }),
      ],
    });
    expect(findings.map((f) => [f.code, f.severity])).toEqual([
      ['line.telehealth_modifier_place', 'warning'],
      ['line.place_of_service_mixed', 'error'],
    ]);
  });

  it('names a pointer at no diagnosis', () => {
    const f = only(scrub({ lines: [line(pcn, 1, { diagnosisPointers: [1, 5] })] }), 'line.pointer_dangling');
    expect(f.message).toBe('Diagnosis pointer 5 points at no diagnosis (the claim has 2)');
    expect(f.fix).toEqual({ target: 'appointment', id: 'appt-1', field: 'diagnosisPointers' });
  });

  it('refuses unknown and non-billable ICD-10-CM codes and lists the billable ones under a heading', () => {
    const findings = scrub({
      diagnoses: ['F411', 'F431', 'Z9999'],
      lines: [line(pcn, 1, { diagnosisPointers: [1, 2, 3] })],
    });
    expect(codes(findings)).toEqual(['diagnosis.not_billable', 'diagnosis.unknown']);
    expect(findings[0].message).toMatch(
      /^F43\.1 .* is a heading, not a billable code: choose a more specific code, e\.g\. F43\.10/,
    );
    expect(findings[0].fix).toEqual({ target: 'appointment', id: 'appt-1', field: 'diagnoses' });
    expect(codes(scrub({ diagnoses: [] }))).toEqual([
      'diagnosis.missing',
      'line.pointer_dangling',
      'line.pointer_dangling',
      'line.pointer_dangling',
    ]);
  });

  it('says when timely filing has passed, and warns shortly before', () => {
    const passed = scrub({}, { today: '2026-12-07' });
    expect(codes(passed)).toEqual([
      'claim.timely_filing_passed',
      'claim.timely_filing_warning'.replace('warning', 'soon'),
    ]);
    expect(passed[0].message).toBe(
      'Timely filing passed for 90837 on 2026-09-04: Acme Health Plan takes claims up to 90 days after the date of service, and it has been 94',
    );
    expect(passed[1]).toMatchObject({
      severity: 'warning',
      message: 'Timely filing for 90837 on 2026-09-11 ends in 3 days',
    });
    expect(
      scrub({}, { timelyFilingDays: undefined, today: '2027-06-01' }).filter((f) =>
        f.code.startsWith('claim.timely'),
      ),
    ).toEqual([]);
  });

  it('finds a duplicate claim for the same client, date and code, but not a voided one or itself', () => {
    const existingClaims = [
      {
        claimId: 'claim-9',
        patientControlNumber: patientControlNumber(9),
        status: 'submitted',
        lines: [{ serviceDate: '2026-09-11', procedure: '90837' }],
      },
      {
        claimId: 'claim-8',
        patientControlNumber: patientControlNumber(8),
        status: 'void',
        lines: [{ serviceDate: '2026-09-04', procedure: '90837' }],
      },
      {
        claimId: 'claim-1',
        patientControlNumber: pcn,
        status: 'prepared',
        lines: [{ serviceDate: '2026-09-04', procedure: '90837' }],
      },
    ];
    const f = only(scrub({}, { existingClaims }), 'claim.duplicate');
    expect(f.message).toBe(
      `Duplicate claim: 90837 on 2026-09-11 for this client is already on claim ${patientControlNumber(9)} (Submitted)`,
    );
    expect(f.fix).toEqual({ target: 'appointment', id: 'appt-2', field: 'claim' });
  });

  it('needs an accepted claim-filing enrollment for electronic claims only', () => {
    const f = only(scrub({}, { claimFilingEnrollment: 'submitted' }), 'enrollment.claim_filing');
    expect(f.message).toContain('it is Submitted');
    expect(scrub({}, { claimFilingEnrollment: 'submitted', submission: 'paper' })).toEqual([]);
    expect(scrub({}, { claimFilingEnrollment: 'not_required' })).toEqual([]);
  });

  it('checks the authorization: present when required, in its dates, with visits left', () => {
    expect(codes(scrub({ authorization: undefined }))).toEqual(['authorization.missing']);
    expect(scrub({ authorization: undefined }, { authorizationRequired: false })).toEqual([]);
    const auth = { number: 'A1', validFrom: '2026-09-05', validThrough: '2026-09-30', visitsAuthorized: 4 };
    expect(codes(scrub({ authorization: auth }, { authorizationVisitsUsed: 3 }))).toEqual([
      'authorization.dates',
      'authorization.visits',
    ]);
  });

  it('refuses an add-on code without its main code on the same date', () => {
    const f = only(
      scrub({ lines: [line(pcn, 1, { procedure: '90785', chargeCents: 2000, minutes: undefined })] }),
      'line.add_on_alone',
    );
    expect(f.message).toMatch(
      /^\+90785 is an add-on code: bill it with 90791, 90792, .* on the same date \(2026-09-04\)$/,
    );
    expect(
      scrub({
        lines: [line(pcn, 1), line(pcn, 2, { procedure: '90785', chargeCents: 2000, minutes: undefined })],
      }),
    ).toEqual([]);
  });

  it('checks the client’s own details', () => {
    const patient = {
      ...snapshot().patient,
      birthDate: '',
      address: { line1: '', city: 'Portland', state: 'XX', postalCode: '972' },
    };
    expect(codes(scrub({ patient }))).toEqual([
      'patient.birth_date_missing',
      'patient.street_missing',
      'patient.state',
      'patient.format',
    ]);
    expect(scrub({ patient }).every((f) => f.fix.target === 'client' && f.fix.id === 'client-1')).toBe(true);
  });

  it('refuses dates that do not exist', () => {
    const patient = { ...snapshot().patient, birthDate: '1985-02-29' };
    const lines = [line(pcn, 1, { serviceDate: '2026-02-30' })];
    expect(codes(scrub({ patient, lines }))).toEqual(['patient.birth_date_invalid', 'line.service_date']);
    expect(scrub({ patient: { ...patient, birthDate: '1984-02-29' } })).toEqual([]);
  });

  it('adds the 837P writer’s own refusals where nothing of ours covers them', () => {
    const payer = { ...snapshot().payer, claimFilingIndicator: 'QQ' };
    const f = only(scrub({ payer }), 'x12.claimFilingIndicator');
    expect(f.message).toContain('SBR09');
    expect(f.fix).toEqual({ target: 'policy', id: 'policy-1', field: 'payer' });
  });

  it('needs the original claim number on a replacement', () => {
    expect(codes(scrub({ frequencyCode: '7' }))).toEqual(['claim.original_claim_number']);
  });
});
