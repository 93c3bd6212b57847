import { clientQueryOf } from './client-search';

describe('the client search box', () => {
  it('searches by birth date when a date is typed, as US or ISO dates', () => {
    expect(clientQueryOf('03/14/1985')).toEqual({ birthDate: '1985-03-14' });
    expect(clientQueryOf(' 3/4/1985 ')).toEqual({ birthDate: '1985-03-04' });
    expect(clientQueryOf('1985-03-14')).toEqual({ birthDate: '1985-03-14' });
  });

  it('searches by name otherwise, and a date that does not exist as text', () => {
    expect(clientQueryOf('ada lov')).toEqual({ search: 'ada lov' });
    expect(clientQueryOf('02/30/1985')).toEqual({ search: '02/30/1985' });
    expect(clientQueryOf('   ')).toEqual({});
  });
});
