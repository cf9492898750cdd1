/**
 * Requests on one connection take effect in the order they arrived, as they do on one thread. With
 * threads, an answer of the mock's own API waits for every thread, and a request sent behind it on
 * the same connection (pipelined) must not be answered, counted or journaled before it: it waits
 * its turn. A turn is taken when a request's headers arrive and its work given once its body is
 * read; work that answers at once runs at once, so the usual request costs a small object.
 */
type Work = () => Promise<void> | undefined;

export interface Turn {
  work: Work | null;
  started: boolean;
}

export class ConnectionTurns<Connection extends object> {
  private readonly queues = new WeakMap<Connection, Turn[]>();
  private readonly failed: (error: unknown) => void;

  /** @param failed what to do with work that throws or rejects (a bug: the mock answers 500 elsewhere) */
  constructor(failed: (error: unknown) => void) {
    this.failed = failed;
  }

  /** A place in the connection's queue, behind the requests that arrived before. */
  take(connection: Connection): Turn {
    let queue = this.queues.get(connection);
    if (!queue) {
      queue = [];
      this.queues.set(connection, queue);
    }
    const turn: Turn = { work: null, started: false };
    queue.push(turn);
    return turn;
  }

  /** Gives a turn its work: it runs once every turn before it has finished. */
  run(connection: Connection, turn: Turn, work: Work): void {
    turn.work = work;
    this.next(connection);
  }

  /** A turn that will have no work (its request went away): those behind it need not wait for it. */
  skip(connection: Connection, turn: Turn): void {
    this.run(connection, turn, () => undefined);
  }

  private next(connection: Connection): void {
    const queue = this.queues.get(connection) as Turn[];
    for (let head = queue[0]; head?.work && !head.started; head = queue[0]) {
      head.started = true;
      let pending: Promise<void> | undefined;
      try {
        pending = head.work();
      } catch (error) {
        this.failed(error);
      }
      if (pending) {
        pending.catch(this.failed).then(() => {
          queue.shift();
          this.next(connection);
        });
        return;
      }
      queue.shift();
    }
  }
}
