import net from 'node:net';
import type { ISocketFactory } from 'kafkajs';

/**
 * TEST ONLY (DESIGN.md, the mock broker's limits): librdkafka's mock cluster answers Metadata with controller id 0
 * while its brokers are 1..N, so kafkajs's idempotent producer (InitProducerId goes to the controller) and admin
 * client fail with "Broker 0 not found". This socket factory rewrites that controller id in Metadata responses to
 * the first broker's id. Production code never sees it: tests pass it as `socketFactory` (see mockKafkaClient).
 */
export function mockControllerSocketFactory(): ISocketFactory {
  return ({ host, port, onConnect }) => {
    const socket = net.connect({ host, port }, onConnect);
    socket.setKeepAlive(true, 60_000);
    // Metadata request correlation id → its api version, read off the request header as kafkajs writes it.
    const metadataRequests = new Map<number, number>();
    const write = socket.write.bind(socket) as (chunk: unknown, ...rest: unknown[]) => boolean;
    socket.write = ((chunk: unknown, ...rest: unknown[]) => {
      if (Buffer.isBuffer(chunk) && chunk.length >= 12 && chunk.readInt16BE(4) === METADATA_API_KEY) {
        metadataRequests.set(chunk.readInt32BE(8), chunk.readInt16BE(6));
      }
      return write(chunk, ...rest);
    }) as typeof socket.write;
    const on = socket.on.bind(socket) as (event: string, listener: (...args: unknown[]) => void) => net.Socket;
    socket.on = ((event: string, listener: (...args: unknown[]) => void) =>
      event === 'data' ? on('data', framed(metadataRequests, listener)) : on(event, listener)) as typeof socket.on;
    return socket;
  };
}

const METADATA_API_KEY = 3;

/** Hands kafkajs whole response frames, with the controller id of each Metadata response fixed. */
function framed(metadataRequests: Map<number, number>, listener: (...args: unknown[]) => void) {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: unknown) => {
    pending = pending.length === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
    while (pending.length >= 4 && pending.length >= 4 + pending.readInt32BE(0)) {
      const size = 4 + pending.readInt32BE(0);
      const frame = Buffer.from(pending.subarray(0, size));
      pending = pending.subarray(size);
      const version = metadataRequests.get(frame.readInt32BE(4));
      if (version !== undefined) {
        metadataRequests.delete(frame.readInt32BE(4));
        fixControllerId(frame, version);
      }
      listener(frame);
    }
  };
}

/** Metadata response v1..v6 (non-flexible): [throttle v3+] brokers[id, host, port, rack v1+] [cluster id v2+] controller id. */
function fixControllerId(frame: Buffer, version: number): void {
  if (version < 1) return;
  let offset = 8 + (version >= 3 ? 4 : 0);
  const brokerCount = frame.readInt32BE(offset);
  offset += 4;
  const brokerIds: number[] = [];
  for (let i = 0; i < brokerCount; i++) {
    brokerIds.push(frame.readInt32BE(offset));
    offset += 4;
    offset += 2 + frame.readInt16BE(offset);
    offset += 4;
    const rack = frame.readInt16BE(offset);
    offset += 2 + Math.max(rack, 0);
  }
  if (version >= 2) offset += 2 + Math.max(frame.readInt16BE(offset), 0);
  const controllerId = frame.readInt32BE(offset);
  if (brokerIds.length > 0 && !brokerIds.includes(controllerId)) frame.writeInt32BE(Math.min(...brokerIds), offset);
}
