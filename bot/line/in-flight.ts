/**
 * At most `limit` calls running at once; the rest wait in a queue and start in the order they
 * came as running ones finish. Replies that fall behind then wait in memory, not as thousands of
 * sockets opened to LINE at once (which overflowed the platform's accept queue and left the box
 * idle while answers trailed by seconds).
 */
export interface InFlightLimit {
  /** Runs `call` when a place is free; settles as it settles. */
  run<T>(call: () => Promise<T>): Promise<T>;
  readonly running: number;
  readonly waiting: number;
}

export function inFlightLimit(limit: number): InFlightLimit {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`limit must be a positive integer: ${limit}`);
  let running = 0;
  // A queue as an array with a moving head: shift() on a long array copies it every time.
  let queue: (() => void)[] = [];
  let head = 0;

  const next = () => {
    running--;
    if (head < queue.length) {
      const start = queue[head]!;
      queue[head++] = undefined as unknown as () => void;
      if (head > 1024 && head * 2 > queue.length) {
        queue = queue.slice(head);
        head = 0;
      }
      running++;
      start();
    }
  };

  return {
    run<T>(call: () => Promise<T>): Promise<T> {
      if (running < limit) {
        running++;
        return settleThen(call, next);
      }
      return new Promise<T>((resolve, reject) => {
        queue.push(() => settleThen(call, next).then(resolve, reject));
      });
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length - head;
    },
  };
}

/** `call`, with `after` run once it settles (a call that throws at once frees its place too). */
function settleThen<T>(call: () => Promise<T>, after: () => void): Promise<T> {
  let promise: Promise<T>;
  try {
    promise = call();
  } catch (error) {
    promise = Promise.reject(error);
  }
  return promise.finally(after);
}
