import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { EnrollmentsApi } from './enrollments.api';

describe('EnrollmentsApi', () => {
  let http: HttpTestingController;
  let api: EnrollmentsApi;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(EnrollmentsApi);
  });
  afterEach(() => http.verify());

  it('unwraps the list of a practice’s enrollments', async () => {
    const list = api.list('p1');
    http.expectOne('/api/v1/practices/p1/enrollments').flush({ items: [{ id: 'e1' }] });
    expect(await list).toEqual([{ id: 'e1' }]);
  });

  it('asks for a preview of exactly the payer and type', () => {
    void api.preview('p1', 'payer-9', 'claim_filing');
    const req = http.expectOne((r) => r.url === '/api/v1/practices/p1/enrollments/preview');
    expect(req.request.params.get('payerId')).toBe('payer-9');
    expect(req.request.params.get('type')).toBe('claim_filing');
  });

  it('sends an action with the version that was read', () => {
    void api.act('e1', 3, { action: 'reject', reason: 'Wrong NPI' });
    const req = http.expectOne('/api/v1/enrollments/e1');
    expect(req.request.method).toBe('PATCH');
    expect(req.request.body).toEqual({ version: 3, action: 'reject', reason: 'Wrong NPI' });
  });

  it('uploads an enrollment form as the raw body, linked to the enrollment', () => {
    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    void api.uploadEnrollmentForm('p1', 'e1', file, 'w9.pdf');
    const req = http.expectOne((r) => r.url === '/api/v1/practices/p1/documents');
    expect(req.request.body).toBe(file);
    expect(req.request.headers.get('content-type')).toBe('application/pdf');
    expect(req.request.params.get('linkedType')).toBe('enrollment');
    expect(req.request.params.get('linkedId')).toBe('e1');
    expect(req.request.params.get('kind')).toBe('enrollment_form');
  });
});
