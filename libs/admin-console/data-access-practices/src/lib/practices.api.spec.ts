import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PracticesApi } from './practices.api';

describe('PracticesApi', () => {
  let http: HttpTestingController;
  let api: PracticesApi;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(PracticesApi);
  });
  afterEach(() => http.verify());

  it('lists practices with the filters that are set, the search trimmed', () => {
    void api.list({ search: ' north ', readiness: 'incomplete', offset: 0 });
    const req = http.expectOne((r) => r.url === '/api/v1/practices');
    expect(req.request.params.keys().sort()).toEqual(['offset', 'readiness', 'search']);
    expect(req.request.params.get('search')).toBe('north');
  });

  it('sends a change with the version that was read', () => {
    void api.update('p1', { version: 7, name: 'North Counseling' });
    const req = http.expectOne('/api/v1/practices/p1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 7, name: 'North Counseling' });
  });
});
