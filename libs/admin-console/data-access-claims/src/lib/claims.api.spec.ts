import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AppointmentImportApi } from './appointment-import.api';
import { AppointmentsApi } from './appointments.api';
import { ClaimsApi, fileNameOf } from './claims.api';
import { UnbilledApi } from './unbilled.api';
import { FeeScheduleApi } from './fee-schedule.api';

describe('claims data access', () => {
  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  it('lists appointments with only the filters that are set, and pages', () => {
    void TestBed.inject(AppointmentsApi).list('p1', {
      from: '2026-11-01',
      to: null,
      renderingTeamMemberId: 'm1',
      limit: 25,
      offset: 50,
    });
    const req = http.expectOne((r) => r.url === '/api/v1/practices/p1/appointments');
    expect(req.request.params.keys().sort()).toEqual(['from', 'limit', 'offset', 'renderingTeamMemberId']);
    expect(req.request.params.get('offset')).toBe('50');
  });

  it('searches ICD-10-CM codes, not at all for blank text, and remembers what it found', async () => {
    const api = TestBed.inject(AppointmentsApi);
    expect(await api.searchDiagnoses('  ')).toEqual([]);
    const found = api.searchDiagnoses(' ptsd ');
    const req = http.expectOne((r) => r.url === '/api/v1/reference/icd10cm');
    expect(req.request.params.get('search')).toBe('ptsd');
    req.flush({ releases: ['FY2026'], items: [{ code: 'F4310', display: 'F43.10' }] });
    expect((await found).map((d) => d.display)).toEqual(['F43.10']);
    expect(await api.diagnosis('f43.10')).toMatchObject({ code: 'F4310' });
    http.expectNone('/api/v1/reference/icd10cm/F4310');
  });

  it('puts the whole fee schedule with the version read', () => {
    void TestBed.inject(FeeScheduleApi).put('p1', { version: 3, entries: [] });
    const req = http.expectOne('/api/v1/practices/p1/fee-schedule');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ version: 3, entries: [] });
  });

  it('sends the CSV as a multipart form, with the rows of a commit chunk', () => {
    const file = new File(['client_id\n'], 'week.csv', { type: 'text/csv' });
    const api = TestBed.inject(AppointmentImportApi);
    void api.preview('p1', file);
    const preview = http.expectOne('/api/v1/practices/p1/appointments/import/preview');
    expect((preview.request.body as FormData).get('file')).toBeInstanceOf(File);
    void api.commit('p1', file, { fromRow: 2, toRow: 51 });
    const commit = http.expectOne('/api/v1/practices/p1/appointments/import/commit');
    const body = commit.request.body as FormData;
    expect([body.get('fromRow'), body.get('toRow')]).toEqual(['2', '51']);
  });

  it('lists unbilled appointments across practices, or one practice’s, with only the filters set', () => {
    const api = TestBed.inject(UnbilledApi);
    void api.list({ clinicianId: null, readiness: 'missing_info', limit: 50, cursor: '' });
    const across = http.expectOne((r) => r.url === '/api/v1/unbilled-appointments');
    expect(across.request.params.keys().sort()).toEqual(['limit', 'readiness']);
    void api.list({ practiceId: 'p1', payerId: 'y1', cursor: 'abc' });
    const one = http.expectOne((r) => r.url === '/api/v1/practices/p1/unbilled-appointments');
    expect(one.request.params.keys().sort()).toEqual(['cursor', 'payerId']);
    expect(one.request.params.has('practiceId')).toBe(false);
  });

  it('switches the billing type with why and the version read', () => {
    void TestBed.inject(UnbilledApi).setBillingType('p1', 'a1', {
      billingType: 'self_pay',
      reason: 'Chose to pay',
      version: 2,
    });
    const req = http.expectOne('/api/v1/practices/p1/appointments/a1/billing-type');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ billingType: 'self_pay', reason: 'Chose to pay', version: 2 });
  });

  it('lists claims with the filters set, re-scrubs and voids with the version, files outside', () => {
    const api = TestBed.inject(ClaimsApi);
    void api.list('p1', { status: 'scrub', payerId: null, from: '', limit: 50, offset: 0 });
    const list = http.expectOne((r) => r.url === '/api/v1/practices/p1/claims');
    expect(list.request.params.keys().sort()).toEqual(['limit', 'offset', 'status']);
    void api.scrub('p1', 'c1', 4);
    expect(http.expectOne('/api/v1/practices/p1/claims/c1/scrub').request.body).toEqual({ version: 4 });
    void api.void('p1', 'c1', { reason: 'other', note: 'Sent twice', version: 5 });
    expect(http.expectOne('/api/v1/practices/p1/claims/c1/void').request.body).toEqual({
      reason: 'other',
      note: 'Sent twice',
      version: 5,
    });
    void api.fileOutside('p1', 'a1');
    expect(http.expectOne('/api/v1/practices/p1/appointments/a1/file-outside').request.method).toBe('POST');
  });

  it('downloads a CMS-1500 with the name the server gave it, and reads a refusal out of the Blob', async () => {
    const api = TestBed.inject(ClaimsApi);
    const file = api.cms1500('p1', 'c1', 'data');
    const req = http.expectOne((r) => r.url === '/api/v1/practices/p1/claims/c1/cms1500');
    expect(req.request.params.get('variant')).toBe('data');
    req.flush(new Blob(['%PDF-1.7']), {
      headers: { 'Content-Disposition': "attachment; filename*=UTF-8''CMS1500-ABC%201.pdf" },
    });
    expect((await file).fileName).toBe('CMS1500-ABC 1.pdf');

    const refused = api.x12('p1', 'c2');
    http
      .expectOne('/api/v1/practices/p1/claims/c2/837p')
      .flush(new Blob([JSON.stringify({ status: 422, title: 'Refused', detail: 'The claim is in Scrub' })]), {
        status: 422,
        statusText: 'Unprocessable',
      });
    await expect(refused).rejects.toMatchObject({ status: 422, detail: 'The claim is in Scrub' });
  });

  it('reads a file name from either form of Content-Disposition', () => {
    expect(fileNameOf('attachment; filename="a.837"')).toBe('a.837');
    expect(fileNameOf("attachment; filename*=UTF-8''%E2%82%AC.pdf")).toBe('€.pdf');
    expect(fileNameOf(null)).toBeNull();
  });
});
