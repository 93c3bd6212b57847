import { plainToInstance } from 'class-transformer';
import { validateSync, ValidationError } from 'class-validator';
import { ClientInsuranceEventTypes, ClientInsuranceSubjects } from './client-insurance.subjects';
import { CreateClientCommand } from './dto/client.dto';
import { CreatePolicyCommand } from './dto/policy.dto';
import { CreatePayerCommand } from './dto/payer.dto';
import { MissingInfoManyQuery } from './dto/missing-info.dto';
import { calendarDateProblem, payerIdsProblem } from './validators';
import type { ClientInsuranceEvents, ClientInsuranceRpc } from './client-insurance.maps';

const practiceId = '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10';
const clientId = '5c2f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a11';
const messages = (errors: ValidationError[]) =>
  Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));

describe('client-insurance contracts', () => {
  it('keeps request subjects and event types apart and under the service prefix', () => {
    const subjects = new Set<string>(Object.values(ClientInsuranceSubjects));
    for (const type of Object.values(ClientInsuranceEventTypes)) {
      expect(subjects.has(type)).toBe(false);
      expect(type.startsWith('client-insurance.')).toBe(true);
    }
    // every constant is a key of the typed maps
    const rpc: Record<keyof ClientInsuranceRpc, true> = Object.fromEntries(
      [...subjects].map((s) => [s, true]),
    ) as never;
    const events: Record<keyof ClientInsuranceEvents, true> = Object.fromEntries(
      Object.values(ClientInsuranceEventTypes).map((s) => [s, true]),
    ) as never;
    expect(Object.keys(rpc)).toHaveLength(Object.keys(ClientInsuranceSubjects).length);
    expect(Object.keys(events)).toHaveLength(Object.keys(ClientInsuranceEventTypes).length);
  });

  it('validates a client, naming each bad field in words a practice owner understands', () => {
    const ok = plainToInstance(CreateClientCommand, {
      practiceId,
      firstName: 'Ada',
      lastName: 'Byron',
      birthDate: '1990-02-28',
      sex: 'F',
      phone: '(512) 555-0100',
    });
    expect(validateSync(ok)).toHaveLength(0);
    const bad = plainToInstance(CreateClientCommand, {
      practiceId,
      firstName: '',
      lastName: 'B',
      birthDate: '1990-02-30',
      sex: 'X',
      phone: '123',
    });
    const m = messages(validateSync(bad));
    expect(Object.keys(m).sort()).toEqual(['birthDate', 'firstName', 'phone', 'sex']);
    expect(m['birthDate']).toEqual(['birthDate 1990-02-30 is not a real calendar date']);
    expect(m['sex'][0]).toContain('F (female), M (male) or U (unknown)');
  });

  it('checks the member ID with the domain rule (spaces and dashes allowed on input)', () => {
    const base = { practiceId, clientId, order: 'primary', payerId: practiceId, relationship: 'self' };
    expect(
      validateSync(plainToInstance(CreatePolicyCommand, { ...base, memberId: 'xyz 123-456' })),
    ).toHaveLength(0);
    const bad = validateSync(plainToInstance(CreatePolicyCommand, { ...base, memberId: 'AB#12' }));
    expect(bad[0].property).toBe('memberId');
    expect(Object.values(bad[0].constraints!)[0]).toContain('may contain only letters and digits');
  });

  it('validates payer ids per clearinghouse and caps bulk missing-info at 1,000 clients', () => {
    expect(payerIdsProblem({ default: '60054', availity: 'AETNA1' })).toBeNull();
    expect(payerIdsProblem({ availity: '60054' })).toContain('"default"');
    const payer = plainToInstance(CreatePayerCommand, {
      name: 'X',
      payerIds: { default: '6' },
      kind: 'commercial',
      isBcbs: false,
      claimFilingEnrollmentRequired: false,
      eraSupported: true,
      eraEnrollmentRequired: true,
    });
    expect(validateSync(payer).map((e) => e.property)).toEqual(['payerIds']);
    const ids = Array.from(
      { length: 1001 },
      (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    );
    const tooMany = validateSync(plainToInstance(MissingInfoManyQuery, { practiceId, clientIds: ids }));
    expect(tooMany[0].constraints).toMatchObject({
      arrayMaxSize: 'clientIds may list at most 1000 clients per call',
    });
  });

  it('knows real calendar dates', () => {
    expect(calendarDateProblem('2024-02-29')).toBeNull();
    expect(calendarDateProblem('2023-02-29')).toContain('not a real calendar date');
    expect(calendarDateProblem('02/03/2020')).toContain('YYYY-MM-DD');
  });
});
