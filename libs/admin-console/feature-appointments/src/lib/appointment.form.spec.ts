import { FormControl } from '@angular/forms';
import {
  applyScheduleFee,
  appointmentBody,
  appointmentForm,
  lineGroup,
  scheduleMap,
} from './appointment.form';
import { dollarsToCents, money } from './appointment-words';

describe('appointment form', () => {
  const schedule = scheduleMap([
    { procedure: '90837', modifiers: ['95'], feeCents: 16000 },
    { procedure: '90837', modifiers: [], feeCents: 15000 },
  ]);

  it('prefills the schedule’s fee, follows the modifiers, and keeps a fee that was typed', () => {
    const line = lineGroup();
    line.patchValue({ procedure: '90837', modifiers: '95' });
    applyScheduleFee(line, schedule);
    expect(line.controls.feeCents.value).toBe('160.00');
    line.patchValue({ modifiers: '' });
    applyScheduleFee(line, schedule);
    expect(line.controls.feeCents.value).toBe('150.00');
    line.patchValue({ feeCents: '99' });
    line.patchValue({ modifiers: '95' });
    applyScheduleFee(line, schedule);
    expect(line.controls.feeCents.value).toBe('99');
  });

  it('sends the schedule’s fee as no fee (priced by the schedule) and another as an override', () => {
    const form = appointmentForm();
    form.patchValue({
      clientId: 'c',
      renderingTeamMemberId: 'm',
      serviceDate: '2026-11-03',
      placeOfService: '10',
      locationId: 'l1',
    });
    form.controls.diagnoses.push(new FormControl('F43.10', { nonNullable: true }));
    const line = form.controls.lines.at(0);
    line.patchValue({ procedure: '90837', modifiers: '95', diagnosisPointers: '1' });
    applyScheduleFee(line, schedule);
    const body = appointmentBody(form);
    expect(body.locationId).toBeNull();
    expect(body.lines[0]).toEqual({
      procedure: '90837',
      modifiers: ['95'],
      units: 1,
      diagnosisPointers: [1],
    });
    line.patchValue({ feeCents: '175.00' });
    expect(appointmentBody(form).lines[0].feeCents).toBe(17500);
  });

  it('reads and writes money', () => {
    expect(dollarsToCents('$1,160.5')).toBe(116050);
    expect(dollarsToCents('1.234')).toBeNull();
    expect(money(16000)).toBe('$160.00');
  });
});
