import { batchesOf } from './batches';

describe('claim batches', () => {
  it('sends each practice’s appointments on their own, a few at a time, in order', () => {
    const rows = [
      { practiceId: 'p1', appointmentId: 'a1' },
      { practiceId: 'p2', appointmentId: 'b1' },
      { practiceId: 'p1', appointmentId: 'a2' },
      { practiceId: 'p1', appointmentId: 'a3' },
    ];
    expect(batchesOf(rows, 2)).toEqual([
      { practiceId: 'p1', ids: ['a1', 'a2'] },
      { practiceId: 'p1', ids: ['a3'] },
      { practiceId: 'p2', ids: ['b1'] },
    ]);
    expect(batchesOf([], 2)).toEqual([]);
  });
});
