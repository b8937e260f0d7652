import http from 'node:http';

export interface StreamEvent {
  event: string;
  data: string;
}

/** An open text/event-stream over real HTTP: the events so far, and whether the server ended it. */
export interface OpenStream {
  status: number;
  headers: http.IncomingHttpHeaders;
  events: StreamEvent[];
  comments: string[];
  ended: Promise<void>;
  isEnded(): boolean;
  /** Resolves with the first matching event after the last one `next` returned, or rejects after `ms`. */
  next(match: (e: StreamEvent) => boolean, ms?: number): Promise<StreamEvent>;
  close(): void;
}

/** Opens GET `url` with the cookie and parses server-sent events as they arrive. */
export function openStream(url: string, cookie: string): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { cookie, accept: 'text/event-stream' } }, (response) => {
      const events: StreamEvent[] = [];
      const comments: string[] = [];
      const waiters: (() => void)[] = [];
      let buffer = '';
      let ended = false;
      let cursor = 0;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const lines = block.split('\n');
          for (const line of lines) if (line.startsWith(':')) comments.push(line.slice(1).trim());
          const event = lines.find((l) => l.startsWith('event: '))?.slice(7);
          const data = lines.find((l) => l.startsWith('data: '))?.slice(6);
          if (event) events.push({ event, data: data ?? '' });
        }
        for (const wake of waiters.splice(0)) wake();
      });
      const endedPromise = new Promise<void>((done) => {
        const finish = () => {
          ended = true;
          for (const wake of waiters.splice(0)) wake();
          done();
        };
        response.on('end', finish);
        response.on('close', finish);
      });
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        events,
        comments,
        ended: endedPromise,
        isEnded: () => ended,
        next(match, ms = 3000) {
          return new Promise((found, fail) => {
            const timer = setTimeout(() => fail(new Error(`no matching event within ${ms} ms; saw ${JSON.stringify(events)}`)), ms);
            const check = () => {
              const at = events.findIndex((e, i) => i >= cursor && match(e));
              if (at >= 0) {
                clearTimeout(timer);
                cursor = at + 1;
                found(events[at]!);
              } else if (ended) {
                clearTimeout(timer);
                fail(new Error('the stream ended'));
              } else waiters.push(check);
            };
            check();
          });
        },
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

/** Waits a little for anything in flight (a NOTIFY, a check) to arrive. */
export const settle = (ms = 300) => new Promise((done) => setTimeout(done, ms));
