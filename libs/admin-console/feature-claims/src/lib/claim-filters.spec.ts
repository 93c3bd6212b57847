import { convertToParamMap } from '@angular/router';
import {
  anyFilter,
  claimFiltersFrom,
  claimParams,
  claimQuery,
  unbilledFiltersFrom,
  unbilledParams,
  unbilledQuery,
} from './claim-filters';

const P = '0f8fad5b-d9cb-469f-a165-70867728950e';
const M = '7c9e6679-7425-40de-944b-e07fc1f90ae7';

describe('unbilled filters ⇄ URL', () => {
  it('reads every filter from the URL and writes it back the same', () => {
    const url = {
      practice: P,
      clinician: M,
      payer: P,
      from: '2026-11-01',
      to: '2026-11-30',
      readiness: 'missing_info',
    };
    const f = unbilledFiltersFrom(convertToParamMap(url));
    expect(f).toEqual(url);
    expect(unbilledParams(f)).toEqual(url);
  });

  it('leaves out what is malformed instead of sending it to be refused', () => {
    const f = unbilledFiltersFrom({
      practice: 'nope',
      from: '2026-13-01',
      to: '2026-02-31x',
      readiness: 'soon',
    });
    expect(f).toEqual({ practice: '', clinician: '', payer: '', from: '', to: '', readiness: '' });
    expect(unbilledParams(f)).toEqual({
      practice: null,
      clinician: null,
      payer: null,
      from: null,
      to: null,
      readiness: null,
    });
    expect(anyFilter(f)).toBe(false);
  });

  it('asks the API with its names; the practice of the route wins over the filter', () => {
    const f = unbilledFiltersFrom({ practice: P, clinician: M, readiness: 'ready' });
    expect(unbilledQuery(f, null)).toEqual({
      practiceId: P,
      clinicianId: M,
      payerId: null,
      from: null,
      to: null,
      readiness: 'ready',
    });
    expect(unbilledQuery(f, M).practiceId).toBe(M);
    expect(anyFilter(f)).toBe(true);
  });
});

describe('claim filters ⇄ URL', () => {
  it('keeps a known status and dates, drops an unknown status', () => {
    expect(claimFiltersFrom(convertToParamMap({ status: 'scrub', from: '2026-10-01' }))).toEqual({
      status: 'scrub',
      client: '',
      payer: '',
      from: '2026-10-01',
      to: '',
    });
    expect(claimFiltersFrom({ status: 'lost' }).status).toBe('');
  });

  it('writes the URL and the API query', () => {
    const f = claimFiltersFrom({ status: 'prepared', client: M, payer: P.toUpperCase(), to: '2026-11-30' });
    expect(claimParams(f)).toEqual({ status: 'prepared', client: M, payer: P, from: null, to: '2026-11-30' });
    expect(claimQuery(f)).toEqual({
      status: 'prepared',
      clientId: M,
      payerId: P,
      from: null,
      to: '2026-11-30',
    });
  });
});
