import { waitFor } from './wait-for';

describe('waitFor', () => {
  it('returns the first truthy value', async () => {
    let n = 0;
    await expect(waitFor('n to reach 3', () => ++n >= 3 && n, 1000, 1)).resolves.toBe(3);
  });

  it('names what it waited for when time runs out', async () => {
    await expect(waitFor('the moon', () => false, 30, 5)).rejects.toThrow(
      'timed out after 30 ms waiting for the moon',
    );
  });
});
