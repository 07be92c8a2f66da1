import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a receiver answers to one request. */
export interface ReceiverAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

/**
 * A real HTTP server on 127.0.0.1 for delivery tests (webhooks, RFC 8935 SET push): it reads each
 * request's whole body and lets `answer` decide the response. `url` is set by `start()`.
 */
export class LoopbackReceiver {
  url = '';
  private readonly server: Server;
  private readonly path: string;

  constructor(path: string, answer: (headers: IncomingHttpHeaders, body: string) => ReceiverAnswer) {
    this.path = path;
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        const reply = answer(request.headers, body);
        response.writeHead(reply.status, { 'content-type': reply.contentType }).end(reply.body);
      });
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${this.path}`;
    return this;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
