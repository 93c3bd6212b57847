import { ENROLLMENT_STATUSES, type EnrollmentStatus } from '@claimline/domain';
import { isAllowed, Move, nextStatus, refusal, TRANSITIONS } from './enrollment-state-machine';

const MOVES: Move[] = ['derive', 'submit', 'accept', 'reject', 'require_document', 'attach_document'];

/** The whole table, written out: every move not listed here must be refused. */
const ALLOWED: Record<Move, string[]> = {
  derive: [
    'not_required→enroll',
    'not_required→no_clients_on_file',
    'not_required→not_supported',
    'enroll→not_required',
    'enroll→no_clients_on_file',
    'enroll→not_supported',
    'no_clients_on_file→not_required',
    'no_clients_on_file→enroll',
    'no_clients_on_file→not_supported',
    'not_supported→not_required',
    'not_supported→enroll',
    'not_supported→no_clients_on_file',
  ],
  submit: ['enroll→submitted', 'rejected→submitted'],
  accept: ['submitted→accepted'],
  reject: ['submitted→rejected', 'document_required→rejected'],
  require_document: ['submitted→document_required'],
  attach_document: ['document_required→submitted'],
};

describe('enrollment state machine', () => {
  it('holds exactly the documented table', () => {
    for (const move of MOVES)
      expect(TRANSITIONS[move].map(([f, t]) => `${f}→${t}`).sort()).toEqual([...ALLOWED[move]].sort());
  });

  const cases: [Move, EnrollmentStatus, EnrollmentStatus, boolean][] = MOVES.flatMap((move) =>
    ENROLLMENT_STATUSES.flatMap((from) =>
      ENROLLMENT_STATUSES.map(
        (to) =>
          [move, from, to, ALLOWED[move].includes(`${from}→${to}`)] as [
            Move,
            EnrollmentStatus,
            EnrollmentStatus,
            boolean,
          ],
      ),
    ),
  );

  it.each(cases)('%s from %s to %s: allowed = %s', (move, from, to, allowed) => {
    expect(isAllowed(from, move, to)).toBe(allowed);
  });

  it('gives the one next status of a person’s action, and null when refused', () => {
    expect(nextStatus('enroll', 'submit')).toBe('submitted');
    expect(nextStatus('rejected', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'require_document')).toBe('document_required');
    expect(nextStatus('document_required', 'attach_document')).toBe('submitted');
    expect(nextStatus('submitted', 'accept')).toBe('accepted');
    expect(nextStatus('accepted', 'reject')).toBeNull();
    expect(nextStatus('submitted', 'submit')).toBeNull();
    expect(nextStatus('no_clients_on_file', 'submit')).toBeNull();
    expect(nextStatus('not_supported', 'submit')).toBeNull();
  });

  it('never lets the system move an enrollment somebody submitted, and never leaves accepted', () => {
    for (const from of ['submitted', 'document_required', 'accepted', 'rejected'] as EnrollmentStatus[]) {
      for (const to of ENROLLMENT_STATUSES) expect(isAllowed(from, 'derive', to)).toBe(false);
    }
    for (const move of MOVES)
      for (const to of ENROLLMENT_STATUSES) expect(isAllowed('accepted', move, to)).toBe(false);
  });

  it('explains a refusal', () => {
    expect(refusal('accepted', 'reject')).toBe('An enrollment in status accepted cannot be rejected');
  });
});
