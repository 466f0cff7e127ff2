/**
 * PGlite is one embedded PostgreSQL with a single session. typeorm-pglite hands
 * that one session to every TypeORM query runner at once, so two concurrent
 * transactions would interleave their statements on it. This pool gives the
 * session to one query runner at a time (a FIFO mutex released when TypeORM
 * releases the connection), which restores transaction isolation: concurrent
 * publishes are serialized rather than mixed.
 *
 * Rule that follows: never await a second connection while holding one (use the
 * transaction's EntityManager inside a transaction), or the process deadlocks.
 */
import { PGlitePool } from 'typeorm-pglite/dist/pglite-pool';

type ConnectCallback = Parameters<PGlitePool['connect']>[0];

export class SerializedPGlitePool extends PGlitePool {
  private tail: Promise<void> = Promise.resolve();

  override async connect(callback: ConnectCallback): Promise<void> {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    await previous;
    let released = false;
    const done = (): void => {
      if (!released) {
        released = true;
        release();
      }
    };
    await super.connect((err, client) => callback(err, client, done));
  }
}
