import { ListPaging } from './list-paging';

describe('ListPaging', () => {
  it('starts on the first page at the default size and asks the API for it', () => {
    const p = new ListPaging();
    expect(p.request()).toEqual({ limit: 50, offset: 0 });
    expect(p.pageIndex()).toBe(0);
    expect(new ListPaging([10, 25, 50]).request()).toEqual({ limit: 50, offset: 0 });
    expect(new ListPaging([25]).limit()).toBe(25);
  });

  it('turns to the page and size the paginator names, refusing a size it does not offer', () => {
    const p = new ListPaging();
    p.turn({ pageIndex: 3, pageSize: 25, length: 500 });
    expect(p.request()).toEqual({ limit: 25, offset: 75 });
    expect(p.pageIndex()).toBe(3);
    p.turn({ pageIndex: 1, pageSize: 7, length: 500 });
    expect(p.request()).toEqual({ limit: 50, offset: 50 });
    p.first();
    expect(p.offset()).toBe(0);
  });

  it('keeps the page in the URL without the defaults and reads it back', () => {
    const p = new ListPaging();
    expect(p.params()).toEqual({ page: null, size: null });
    p.turn({ pageIndex: 2, pageSize: 100, length: 1000 });
    expect(p.params()).toEqual({ page: 3, size: 100 });
    expect(p.params({ pageIndex: 0, pageSize: 50, length: 1000 })).toEqual({ page: null, size: null });
    const q = new ListPaging();
    q.fromParams({ page: '3', size: '100' });
    expect(q.request()).toEqual({ limit: 100, offset: 200 });
  });

  it('reads a malformed page or size from the URL as the first page at the default size', () => {
    const p = new ListPaging();
    for (const params of [{ page: 'x', size: '13' }, { page: '-2' }, { page: '1.5', size: [] }, {}]) {
      p.fromParams(params);
      expect(p.request()).toEqual({ limit: 50, offset: 0 });
    }
  });

  it('moves to the last page when the one asked for lies past the end, and says to load again', () => {
    const p = new ListPaging([25, 50]);
    p.turn({ pageIndex: 4, pageSize: 25, length: 200 });
    expect(p.counted(60, 0)).toBe(true);
    expect(p.request()).toEqual({ limit: 25, offset: 50 });
    expect(p.total()).toBe(60);
    expect(p.counted(60, 10)).toBe(false);
    expect(p.counted(0, 0)).toBe(false);
  });
});
