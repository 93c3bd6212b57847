import { Readable } from 'node:stream';
import type { ObjectResult } from 'nats';

/**
 * An object of a JetStream Object Store as a Node stream. nats.js keeps pushing chunks into its
 * web stream after the reader cancels it, and then throws "Controller is already closed" from a
 * detached promise (an unhandled rejection that takes the process down). So an early stop here
 * does not cancel: it drains the rest of the object in the background and drops it.
 */
export function objectReadable(result: ObjectResult): Readable {
  void result.error.catch(() => undefined);
  const reader = result.data.getReader();
  let finished = false;
  return new Readable({
    read() {
      reader.read().then(
        ({ done, value }) => {
          if (done) {
            finished = true;
            this.push(null);
          } else {
            this.push(Buffer.from(value.buffer, value.byteOffset, value.byteLength));
          }
        },
        (error: Error) => {
          finished = true;
          this.destroy(error);
        },
      );
    },
    destroy(error, callback) {
      if (!finished) {
        void (async () => {
          try {
            while (!(await reader.read()).done) {
              /* discard */
            }
          } catch {
            /* the object's own error is already reported through result.error */
          }
        })();
      }
      callback(error);
    },
  });
}
