/**
 * Rooms persisted to one SQLite file through Hocuspocus' SQLite extension, with three changes so
 * that an edit survives a restart: the schema exists before the first room loads, every write is
 * awaited (the extension fires and forgets), and `close` waits for the writes queued before it.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SQLite, schema, upsertQuery } from '@hocuspocus/extension-sqlite';
import sqlite3 from 'sqlite3';

/** The database file inside the data folder. */
export const ROOMS_FILE = 'rooms.sqlite';

function run(db: sqlite3.Database, sql: string, params: object = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    db.run(sql, params, (error: Error | null) => (error ? reject(error) : resolve()));
  });
}

export class RoomStore extends SQLite {
  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    super({ database: join(dataDir, ROOMS_FILE) });
    this.configuration.store = ({ documentName, state }) => this.write(documentName, state);
  }

  /**
   * Writes a room's whole state. After `close` it does nothing: closing writes every room first,
   * and a debounced write that fires later holds nothing newer.
   */
  async write(room: string, state: Uint8Array): Promise<void> {
    if (!this.db) return;
    await run(this.db, upsertQuery, { $name: room, $data: Buffer.from(state) });
  }

  /** Opens (or creates) the data folder's database; call before the first room loads. */
  async open(): Promise<void> {
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(this.configuration.database, (error) =>
        error ? reject(error) : resolve(opened),
      );
    });
    // Statements run one after another, so a load never overtakes the write before it.
    db.serialize();
    await run(db, 'PRAGMA journal_mode = WAL');
    await run(db, schema);
    this.db = db;
  }

  // Hocuspocus runs this hook without waiting for it; `open` is awaited before listening instead.
  override async onConfigure(): Promise<void> {}

  /** Waits for queued writes and closes the file. */
  async close(): Promise<void> {
    const db = this.db;
    this.db = undefined;
    if (!db) return;
    await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
  }
}
