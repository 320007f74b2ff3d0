/**
 * The journal of a local batch: `OUT/.convolab-batch.jsonl`, one JSON line per finished item
 * (`done` or `failed`), appended and fsync'd before the item counts as finished. Lines written
 * together share one fsync (group commit). A rerun reads it back and skips every `done` item; a
 * line cut short by a crash is ignored.
 */
import { createReadStream } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { ItemInfo } from '../step.js';

export const JOURNAL_FILE = '.convolab-batch.jsonl';

export interface JournalEntry {
  t: 'done' | 'failed';
  /** The item's id: a hash of the recipe and the input path (see `itemId`). */
  id: string;
  input: string;
  output?: string;
  /** What the steps measured for a done item (e.g. `psnr`). */
  info?: ItemInfo;
  error?: { code: string; message: string };
}

export class Journal {
  private queue: { line: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  private flushing: Promise<void> | undefined;

  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    /** Ids of the items done when the journal was opened (by earlier runs). */
    readonly done: Set<string>,
  ) {}

  /** Opens (creating) the journal in `outDir` and reads the ids already done. */
  static async open(outDir: string): Promise<Journal> {
    const path = join(outDir, JOURNAL_FILE);
    const handle = await open(path, 'a+');
    const done = new Set<string>();
    const { size } = await handle.stat();
    if (size > 0) {
      for await (const line of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Number.POSITIVE_INFINITY })) {
        const entry = parseLine(line);
        if (entry?.t === 'done') done.add(entry.id);
        else if (entry?.t === 'failed') done.delete(entry.id);
      }
      const last = new Uint8Array(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.appendFile('\n'); // a line cut short by a crash stays alone
    }
    return new Journal(path, handle, done);
  }

  /** Appends `entry`; resolves once it is on disk. (`done` keeps only what earlier runs finished.) */
  record(entry: JournalEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(entry)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue;
      this.queue = [];
      try {
        await this.handle.appendFile(batch.map((b) => b.line).join(''));
        await this.handle.datasync();
        for (const b of batch) b.resolve();
      } catch (err) {
        for (const b of batch) b.reject(err as Error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}

function parseLine(line: string): JournalEntry | undefined {
  try {
    const v = JSON.parse(line) as JournalEntry;
    return typeof v?.id === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
