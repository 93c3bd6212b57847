import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ClientsApi } from './clients.api';

describe('ClientsApi', () => {
  let http: HttpTestingController;
  let api: ClientsApi;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    api = TestBed.inject(ClientsApi);
  });
  afterEach(() => http.verify());

  it('lists a practice’s clients with only the filters that are set', () => {
    void api.list('p1', { search: '  ada ', active: false, offset: 0 });
    const req = http.expectOne((r) => r.url === '/api/v1/practices/p1/clients');
    expect(req.request.params.keys().sort()).toEqual(['active', 'search']);
    expect(req.request.params.get('search')).toBe('ada');
    expect(req.request.params.get('active')).toBe('false');
  });

  it('lists by birth date when one is given', () => {
    void api.list('p1', { birthDate: '1985-04-12' });
    const req = http.expectOne((r) => r.url === '/api/v1/practices/p1/clients');
    expect(req.request.params.keys()).toEqual(['birthDate']);
    expect(req.request.params.get('birthDate')).toBe('1985-04-12');
  });

  it('searches payers with the practice’s state, and not at all for blank text', async () => {
    expect(await api.searchPayers('   ')).toEqual([]);
    const found = api.searchPayers(' aetna ', { state: 'MA' });
    const req = http.expectOne((r) => r.url === '/api/v1/payers');
    expect(req.request.params.get('search')).toBe('aetna');
    expect(req.request.params.get('state')).toBe('MA');
    expect(req.request.params.get('limit')).toBe('10');
    req.flush({ items: [{ id: 'y1' }], total: 1 });
    expect(await found).toEqual([{ id: 'y1' }]);
  });
});
