import { feeEntryGroup, feeScheduleBody, feeScheduleForm, fillFeeSchedule } from './fee-schedule.form';

describe('fee schedule form', () => {
  it('fills from the schedule and sends it back whole, in cents, with the version read', () => {
    const form = feeScheduleForm();
    fillFeeSchedule(form, [{ procedure: '90837', modifiers: ['95'], feeCents: 16000 }]);
    expect(form.controls.entries.at(0).getRawValue()).toEqual({
      procedure: '90837',
      modifiers: '95',
      feeCents: '160.00',
    });
    const added = feeEntryGroup();
    added.setValue({ procedure: 'h0031', modifiers: 'ho, 95', feeCents: '$1,050.5' });
    form.controls.entries.push(added);
    expect(feeScheduleBody(form, 4)).toEqual({
      version: 4,
      entries: [
        { procedure: '90837', modifiers: ['95'], feeCents: 16000 },
        { procedure: 'H0031', modifiers: ['HO', '95'], feeCents: 105050 },
      ],
    });
  });

  it('refuses a fee that is not an amount', () => {
    const entry = feeEntryGroup();
    entry.setValue({ procedure: '90834', modifiers: '', feeCents: '12.345' });
    expect(entry.controls.feeCents.errors).toEqual({ amount: 'An amount, e.g. 160.00' });
  });
});
