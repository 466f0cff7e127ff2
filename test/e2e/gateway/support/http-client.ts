/**
 * Raw-ish HTTP for gateway specs: node:http sends the path exactly as given (no
 * URL normalization, so `..` and `%2e` reach the gateway), and rawRequest writes
 * bytes to a socket for what no client library would send (CRLF in a value).
 */
import { Agent, request } from 'node:http';
import { connect } from 'node:net';

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON body (problem+json included), undefined when not JSON. */
  json: any; // specs index freely into answers
}

export const agent = new Agent({ keepAlive: true, maxSockets: 64 });

export interface SendOptions {
  method?: string;
  headers?: Record<string, string | string[] | number>;
  body?: string | Buffer;
}

export function send(port: number, path: string, options: SendOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = text ? JSON.parse(text) : undefined;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) {
      req.write(options.body);
    }
    req.end();
  });
}

/** Writes raw bytes, answers the raw response text (connection closed by either side). */
export function rawRequest(port: number, bytes: string | Buffer, timeoutMs = 3000): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => socket.destroy(), timeoutMs);
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      // Enough once a full response with a body has arrived.
      const text = Buffer.concat(chunks).toString('utf8');
      const head = text.indexOf('\r\n\r\n');
      const length = /content-length: (\d+)/i.exec(text);
      if (head >= 0 && length && text.length >= head + 4 + Number(length[1])) {
        socket.end();
      }
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('utf8'));
    });
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' ? undefined : reject(e)));
    socket.write(bytes);
  });
}

/** The JSON body of a raw response. */
export function rawJson(raw: string): any {
  const body = raw.slice(raw.indexOf('\r\n\r\n') + 4);
  return JSON.parse(body);
}
