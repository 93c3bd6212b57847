import { auditParamsOf, auditQueryOf } from './audit-query';

const USER = '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9';

describe('audit log filters in the URL', () => {
  it('asks for nothing when the URL has no filters', () => {
    const q = auditQueryOf({ page: '3', size: '100' });
    expect(q.filtered).toBe(false);
    expect(Object.values(q.filters).every((v) => v === undefined)).toBe(true);
  });

  it('turns days into a half-open range of local days and keeps the ids', () => {
    const q = auditQueryOf({
      who: USER,
      resource: 'client',
      id: 'c-1',
      action: 'update',
      from: '2026-03-01',
      to: '2026-03-02',
    });
    expect(q.filtered).toBe(true);
    expect(q.filters).toMatchObject({
      userId: USER,
      resourceType: 'client',
      resourceId: 'c-1',
      action: 'update',
    });
    expect(q.filters.from).toBe(new Date(2026, 2, 1).toISOString());
    expect(q.filters.to).toBe(new Date(2026, 2, 3).toISOString());
    expect(q.form).toMatchObject({ userId: USER, from: '2026-03-01', to: '2026-03-02', action: 'update' });
  });

  it('drops malformed days', () => {
    const q = auditQueryOf({ from: '03/01/2026', to: 'tomorrow' });
    expect(q.form.from).toBe('');
    expect(q.filters.from).toBeUndefined();
    expect(q.filters.to).toBeUndefined();
    expect(q.filtered).toBe(false);
  });

  it('shows an unknown action as no choice in the form', () => {
    expect(auditQueryOf({ action: 'explode' }).form.action).toBe('');
  });

  it('writes the form back as parameters, trimming the id and leaving defaults out', () => {
    const form = {
      userId: USER,
      practiceId: '',
      resourceType: 'practice',
      action: 'read' as const,
      resourceId: '  p-9 ',
      from: '2026-01-05',
      to: '',
    };
    expect(auditParamsOf(form)).toEqual({
      who: USER,
      practice: null,
      resource: 'practice',
      id: 'p-9',
      action: 'read',
      from: '2026-01-05',
      to: null,
    });
    // a round trip gives the same filters
    const back = auditQueryOf(
      Object.fromEntries(
        Object.entries(auditParamsOf(form))
          .filter(([, v]) => v !== null)
          .map(([k, v]) => [k, String(v)]),
      ),
    );
    expect(back.form).toEqual({ ...form, resourceId: 'p-9' });
  });
});
