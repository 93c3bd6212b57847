import { parseMetrics, sampleSum } from './parse-metrics';

describe('parseMetrics', () => {
  it('reads samples with their labels and skips comments', () => {
    const samples = parseMetrics(
      [
        '# HELP x_total A counter',
        '# TYPE x_total counter',
        'x_total{durable="a",service="s"} 3',
        'x_total{durable="b \\"q\\"",service="s"} 4',
        'up 1',
        '',
      ].join('\n'),
    );
    expect(samples).toEqual([
      { name: 'x_total', labels: { durable: 'a', service: 's' }, value: 3 },
      { name: 'x_total', labels: { durable: 'b "q"', service: 's' }, value: 4 },
      { name: 'up', labels: {}, value: 1 },
    ]);
    expect(sampleSum(samples, 'x_total')).toBe(7);
    expect(sampleSum(samples, 'x_total', { durable: 'a' })).toBe(3);
    expect(sampleSum(samples, 'nothing')).toBe(0);
  });

  it('refuses a line that is not a sample', () => {
    expect(() => parseMetrics('what is this')).toThrow(/not a metrics line/);
  });
});
