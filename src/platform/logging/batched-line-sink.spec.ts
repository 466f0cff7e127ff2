import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BatchedLineSink } from './batched-line-sink';

describe('BatchedLineSink', () => {
  let file: string;
  let fd: number;
  beforeEach(() => {
    file = join(mkdtempSync(join(tmpdir(), 'charter-sink-')), 'access.log');
    fd = openSync(file, 'w');
  });
  afterEach(() => closeSync(fd));

  const written = (): string => readFileSync(file, 'utf8');
  const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

  it('holds lines back until a batch is full, then writes them in order', async () => {
    const sink = new BatchedLineSink(fd, { maxBytes: 100, maxDelayMs: 10_000 });
    sink.write('a'.repeat(40) + '\n');
    sink.write('b'.repeat(40) + '\n');
    await settle(30);
    expect(written()).toBe('');
    sink.write('c'.repeat(40) + '\n');
    await settle(30);
    expect(written()).toBe(`${'a'.repeat(40)}\n${'b'.repeat(40)}\n${'c'.repeat(40)}\n`);
    sink.flushSync();
  });

  it('writes a quiet batch after its delay', async () => {
    const sink = new BatchedLineSink(fd, { maxBytes: 1 << 20, maxDelayMs: 40 });
    sink.write('one\n');
    await settle(10);
    expect(written()).toBe('');
    await settle(120);
    expect(written()).toBe('one\n');
    sink.write('two\n');
    await settle(120);
    expect(written()).toBe('one\ntwo\n');
    sink.flushSync();
  });

  it('flushSync writes everything before it returns', () => {
    const sink = new BatchedLineSink(fd, { maxBytes: 1 << 20, maxDelayMs: 10_000 });
    for (let i = 0; i < 1000; i++) {
      sink.write(`line ${i}\n`);
    }
    sink.flushSync();
    const lines = written().trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe('line 999');
  });

  it('keeps non-ASCII text whole and sends a line longer than the batch on its own, in order', async () => {
    const sink = new BatchedLineSink(fd, { maxBytes: 64, maxDelayMs: 10_000 });
    sink.write('Zürich → Łódź\n');
    const long = `${'é'.repeat(200)}\n`;
    sink.write(long); // flushes the batch before it, then goes out alone (both asynchronously)
    sink.write('after\n');
    await settle(50);
    expect(written()).toBe(`Zürich → Łódź\n${long}`);
    sink.flushSync();
    expect(written()).toBe(`Zürich → Łódź\n${long}after\n`);
  });
});
