/**
 * Preloaded (`-r`) into the processes a test measures, started with `--expose-gc`: on the
 * parent's `memory` message, runs a full garbage collection and answers what is still alive —
 * so a measurement sees what the process holds, not the garbage it has not collected yet.
 */
const collect = (globalThis as { gc?: () => void }).gc;
const send = process.send?.bind(process);
if (send && collect) {
  process.on('message', (message) => {
    if (message !== 'memory') return;
    // twice: V8 frees dead ArrayBuffers' memory by sweeping after a collection, the second makes it happen
    collect();
    collect();
    const { rss, heapUsed, arrayBuffers, external } = process.memoryUsage();
    send({ rss, heapUsed, arrayBuffers, external });
  });
  // the channel must not keep the process alive once the app shuts down
  (process as { channel?: { unref(): void } }).channel?.unref();
}

export {};
