import { errorForLog, isRedactedKey, redactDeep, redactQuery, redactText, REDACTED } from './redaction';

describe('the shared redaction list', () => {
  it('names PHI and secrets, also inside longer keys, and leaves ids and statuses alone', () => {
    for (const key of [
      'firstName',
      'last_name',
      'birthDate',
      'dateOfBirth',
      'memberId',
      'subscriberMemberId',
      'ssn',
      'taxId',
      'address',
      'billingAddress',
      'phone',
      'email',
      'search',
      'q',
      'password',
      'refreshToken',
      'authorization',
      'cookie',
      'dob',
      'zip',
    ])
      expect([key, isRedactedKey(key)]).toEqual([key, true]);
    for (const key of [
      'practiceId',
      'clientId',
      'status',
      'limit',
      'offset',
      'kind',
      'settings',
      'requestId',
    ])
      expect([key, isRedactedKey(key)]).toEqual([key, false]);
  });

  it('keeps query parameter names and paging numbers, never another value', () => {
    expect(
      redactQuery({ search: 'Doe', birthDate: '1980-01-02', limit: '50', status: 'active', x: ['a', 'b'] }),
    ).toEqual({ search: REDACTED, birthDate: REDACTED, limit: '50', status: REDACTED, x: REDACTED });
    expect(redactQuery({})).toBeUndefined();
    expect(redactQuery({ '<script>Jane Doe</script>': '1' })).toEqual({ '[key]': '1' });
  });

  it('redacts objects at any depth, arrays and cycles included', () => {
    const logged: Record<string, unknown> = {
      req: { headers: { authorization: 'Bearer x' } },
      items: [{ memberId: 'M1' }],
      client: { firstName: 'Jane', id: 'c-1' },
    };
    logged['self'] = logged;
    expect(redactDeep(logged)).toEqual({
      req: { headers: { authorization: REDACTED } },
      items: [{ memberId: REDACTED }],
      client: { firstName: REDACTED, id: 'c-1' },
      self: '[circular]',
    });
  });

  it('takes quoted values, Key (x)=(y) details and e-mail addresses out of error text', () => {
    expect(redactText('invalid input syntax for type uuid: "Jane-Doe"')).toBe(
      `invalid input syntax for type uuid: "${REDACTED}"`,
    );
    expect(redactText('Key (email)=(jane@example.com) already exists')).toBe(
      `Key (email)=(${REDACTED}) already exists`,
    );
    expect(redactText('sent to jane@example.com today')).toBe(`sent to ${REDACTED} today`);
  });

  it('logs an error as class, code, redacted message and frames — never its other properties', () => {
    const error = Object.assign(new Error('duplicate "Jane"'), {
      code: '23505',
      parameters: ['Jane', '1980-01-02'],
    });
    const logged = errorForLog(error);
    expect(logged).toMatchObject({ type: 'Error', code: '23505', message: `duplicate "${REDACTED}"` });
    expect(JSON.stringify(logged)).not.toContain('Jane');
    expect(JSON.stringify(logged)).not.toContain('1980');
    expect(logged.stack).toMatch(/^\s+at /);
  });
});
