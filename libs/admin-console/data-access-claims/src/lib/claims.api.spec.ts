import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AppointmentImportApi } from './appointment-import.api';
import { AppointmentsApi } from './appointments.api';
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
});
