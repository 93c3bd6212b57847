import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { UserView } from '@claimline/contracts/gateway';
import { AuditApi } from './audit.api';
import { MAX_USERS_PAGE, UsersApi } from './users.api';

const user = (n: number) => ({ id: `u${n}`, email: `u${n}@x.test` }) as UserView;

describe('admin data access', () => {
  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists users by page, with the role only when one is chosen', async () => {
    const users = TestBed.inject(UsersApi);
    const all = users.list({ limit: 25, offset: 50 });
    const first = http.expectOne((r) => r.url === '/api/v1/users');
    expect(first.request.params.keys().sort()).toEqual(['limit', 'offset']);
    expect(first.request.params.get('offset')).toBe('50');
    first.flush({ items: [], total: 0, limit: 25, offset: 50 });
    await all;
    void users.list({ limit: 25, offset: 0 }, 'clinician');
    expect(http.expectOne((r) => r.url === '/api/v1/users').request.params.get('role')).toBe('clinician');
  });

  it('reads every user page by page until the total', async () => {
    const users = TestBed.inject(UsersApi);
    const done = users.all();
    const total = MAX_USERS_PAGE + 3;
    const firstPage = http.expectOne((r) => r.params.get('offset') === '0');
    expect(firstPage.request.params.get('limit')).toBe(String(MAX_USERS_PAGE));
    firstPage.flush({ items: Array.from({ length: MAX_USERS_PAGE }, (_, i) => user(i)), total });
    await Promise.resolve();
    await Promise.resolve();
    http
      .expectOne((r) => r.params.get('offset') === String(MAX_USERS_PAGE))
      .flush({ items: [user(900), user(901), user(902)], total });
    expect((await done).length).toBe(total);
  });

  it('sends the practices of billing staff as a replacement list', () => {
    void TestBed.inject(UsersApi).assignPractices('u1', ['p1', 'p2']);
    const req = http.expectOne('/api/v1/users/u1/practices');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ practiceIds: ['p1', 'p2'] });
  });

  it('searches the audit log with trimmed filters and leaves the empty ones out', () => {
    void TestBed.inject(AuditApi).search(
      { resourceId: '  c-1 ', resourceType: '', action: 'read', from: undefined },
      { limit: 50, offset: 100 },
    );
    const req = http.expectOne((r) => r.url === '/api/v1/audit-events');
    const params = Object.fromEntries(req.request.params.keys().map((k) => [k, req.request.params.get(k)]));
    expect(params).toEqual({ limit: '50', offset: '100', resourceId: 'c-1', action: 'read' });
  });
});
