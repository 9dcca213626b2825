import net from 'node:net';
import { mockControllerSocketFactory } from './mock-controller-socket';

/** A Metadata v5 response: throttle, two brokers (ids 1 and 2, racks null), a cluster id, the controller id, no topics. */
function metadataResponse(correlationId: number, controllerId: number): Buffer {
  const parts: Buffer[] = [];
  const i32 = (v: number) => parts.push(Buffer.from([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255]));
  const i16 = (v: number) => parts.push(Buffer.from([(v >>> 8) & 255, v & 255]));
  const str = (s: string | null) => (s === null ? i16(-1) : (i16(s.length), parts.push(Buffer.from(s))));
  i32(correlationId);
  i32(0);
  i32(2);
  for (const [id, port] of [[1, 9092], [2, 9093]] as const) (i32(id), str('127.0.0.1'), i32(port), str(null));
  str('mockCluster');
  i32(controllerId);
  i32(0);
  const body = Buffer.concat(parts);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length);
  return Buffer.concat([size, body]);
}

/** The request header as kafkajs writes it: size, api key, api version, correlation id. */
function requestHeader(apiKey: number, version: number, correlationId: number): Buffer {
  const b = Buffer.alloc(12);
  b.writeInt32BE(8, 0);
  b.writeInt16BE(apiKey, 4);
  b.writeInt16BE(version, 6);
  b.writeInt32BE(correlationId, 8);
  return b;
}

describe('mockControllerSocketFactory (test-only fallback for the mock broker)', () => {
  let server: net.Server;
  let port: number;
  let respond: (socket: net.Socket) => void;
  beforeAll(async () => {
    server = net.createServer((socket) => respond(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const exchange = async (requests: Buffer[], response: Buffer[]): Promise<Buffer[]> => {
    respond = (socket) => {
      // Answer in odd-sized pieces, so frames arrive split and glued together.
      const all = Buffer.concat(response);
      let at = 0;
      const send = () => {
        if (at >= all.length) return;
        socket.write(all.subarray(at, at + 7));
        at += 7;
        setImmediate(send);
      };
      socket.once('data', send);
    };
    const frames: Buffer[] = [];
    const expected = response.length;
    return new Promise((resolve) => {
      const socket = mockControllerSocketFactory()({
        host: '127.0.0.1',
        port,
        ssl: {},
        onConnect: () => {
          for (const request of requests) socket.write(request);
        },
      });
      socket.on('data', (frame: Buffer) => {
        frames.push(frame);
        if (frames.length === expected) {
          socket.destroy();
          resolve(frames);
        }
      });
    });
  };

  it('rewrites controller id 0 of a Metadata response to the first broker, 1, and hands over whole frames', async () => {
    const [frame, other] = await exchange([requestHeader(3, 5, 41), requestHeader(18, 2, 42)], [metadataResponse(41, 0), metadataResponse(42, 0)]);
    expect(frame!.readInt32BE(0)).toBe(frame!.length - 4);
    // size 4 + correlation 4 + throttle 4 + count 4 + 2 × (4 + 2 + 9 + 4 + 2) + cluster id 2 + 11 = 71: the controller id.
    expect(frame!.readInt32BE(71)).toBe(1);
    // Correlation id 42 was an ApiVersions request: its bytes are left alone even though they look alike.
    expect(other!.readInt32BE(71)).toBe(0);
  });

  it('leaves a controller id that names a broker as it is', async () => {
    const [frame] = await exchange([requestHeader(3, 5, 7)], [metadataResponse(7, 2)]);
    expect(frame!.readInt32BE(71)).toBe(2);
  });
});
