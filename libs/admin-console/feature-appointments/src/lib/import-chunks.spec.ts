import { importChunks } from './import-chunks';

describe('importChunks', () => {
  it('cuts the valid rows into ranges of at most the chunk size, in row order', () => {
    expect(importChunks([9, 2, 3, 5, 6], 2)).toEqual([
      { fromRow: 2, toRow: 3 },
      { fromRow: 5, toRow: 6 },
      { fromRow: 9, toRow: 9 },
    ]);
    expect(importChunks([], 25)).toEqual([]);
  });
});
