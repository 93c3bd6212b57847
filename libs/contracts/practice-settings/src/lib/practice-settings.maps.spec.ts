import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CreatePracticeDto } from './dto/practice.dto';
import { CreateTeamMemberCommand } from './dto/team-member.dto';
import { PracticeSettingsSubjects, PracticeSettingsEventTypes } from './practice-settings.subjects';

const address = { line1: '1 Main St', city: 'Austin', state: 'TX', zip: '78701' };

describe('practice-settings contracts', () => {
  it('keeps request subjects and event types apart (imperative vs past tense)', () => {
    const subjects = new Set<string>(Object.values(PracticeSettingsSubjects));
    for (const type of Object.values(PracticeSettingsEventTypes)) expect(subjects.has(type)).toBe(false);
  });

  it('validates a practice', () => {
    const ok = plainToInstance(CreatePracticeDto, {
      type: 'solo',
      name: 'Calm Minds',
      phone: '(512) 555-0100',
      address,
    });
    expect(validateSync(ok)).toHaveLength(0);
    const bad = plainToInstance(CreatePracticeDto, {
      type: 'clinic',
      name: '',
      phone: '12',
      address: { ...address, state: 'XX' },
    });
    const props = validateSync(bad).map((e) => e.property);
    expect(props).toEqual(expect.arrayContaining(['type', 'name', 'phone', 'address']));
  });

  it('refuses a team member NPI that fails its check digit, naming the field', () => {
    const cmd = plainToInstance(CreateTeamMemberCommand, {
      practiceId: '4b1f5c1e-8a47-4a8e-9d7e-4d9f2d3c1a10',
      firstName: 'Ada',
      lastName: 'Byron',
      email: 'ada@example.com',
      role: 'clinician',
      npi: '1234567890',
    });
    const errors = validateSync(cmd);
    expect(errors).toHaveLength(1);
    expect(errors[0].property).toBe('npi');
    expect(errors[0].constraints).toEqual({ npi: 'NPI 1234567890 fails its check digit' });
  });
});
