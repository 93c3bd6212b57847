import { eventSubject, eventTypeOf, serviceOf, streamName } from './events-config';

describe('event naming', () => {
  const config = { subjectPrefix: 'events', streamPrefix: 'CLAIMLINE' };

  it('puts events under their own prefix, in one stream per producing service', () => {
    expect(eventSubject(config, 'practice-settings.practice.created')).toBe(
      'events.practice-settings.practice.created',
    );
    expect(eventTypeOf(config, 'events.practice-settings.practice.created')).toBe(
      'practice-settings.practice.created',
    );
    expect(serviceOf('client-insurance.policy.updated')).toBe('client-insurance');
    expect(streamName(config, 'client-insurance')).toBe('CLAIMLINE_CLIENT_INSURANCE');
  });
});
