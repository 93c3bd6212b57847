import { afterClose, realtimeUrl, reconnectDelayMs } from './realtime-connection';

describe('realtime connection', () => {
  it('uses the page’s origin, secure when the page is', () => {
    expect(realtimeUrl({ protocol: 'http:', host: '127.0.0.1:3000' })).toBe(
      'ws://127.0.0.1:3000/api/v1/realtime',
    );
    expect(realtimeUrl({ protocol: 'https:', host: 'console.example.com' })).toBe(
      'wss://console.example.com/api/v1/realtime',
    );
  });

  it('waits longer after each failed attempt, up to 30 s plus jitter', () => {
    expect(reconnectDelayMs(0, () => 0)).toBe(1000);
    expect(reconnectDelayMs(3, () => 0)).toBe(8000);
    expect(reconnectDelayMs(10, () => 0)).toBe(30_000);
    expect(reconnectDelayMs(10, () => 1)).toBe(36_000);
  });

  it('fetches a fresh token only when the socket was refused for its token or session', () => {
    expect(afterClose(4401)).toBe('refresh');
    expect(afterClose(1006)).toBe('reconnect');
    expect(afterClose(4408)).toBe('reconnect');
  });
});
