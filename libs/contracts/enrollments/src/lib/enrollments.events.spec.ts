import { EnrollmentsEventTypes } from './enrollments.events';

describe('enrollments events', () => {
  it('names events in the past tense under the service', () => {
    expect(EnrollmentsEventTypes.statusChanged).toBe('enrollments.enrollment.status-changed');
  });
});
