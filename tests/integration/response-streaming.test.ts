// Needs no database.
// A page or an export is sent as it is made (Remix's Express adapter writes the response's stream to
// the connection, behind the compression the server uses): the server reads no further ahead than a
// slow reader takes, and stops reading when the reader goes away (patches/@remix-run+node+2.17.5.patch).
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { writeReadableStreamToWritable } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { afterEach, describe, expect, test } from "vitest";

// Random bytes, repeated further apart than compression looks back: compression cannot hide how much was read.
const CHUNK = randomBytes(64 * 1024);
const CHUNKS = 600; // 37.5 MB

interface Source {
  pulls: number;
  cancelled: boolean;
}

let server: http.Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

/** A server that answers with a stream of CHUNKS chunks, read one at a time as Remix's adapter sends it. */
async function streamingServer() {
  const source: Source = { pulls: 0, cancelled: false };
  const app = express();
  app.use(compression());
  app.get("/", (_request, response) => {
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          source.pulls += 1;
          controller.enqueue(new Uint8Array(CHUNK));
          if (source.pulls === CHUNKS) controller.close();
        },
        cancel() {
          source.cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    response.status(200).type("application/octet-stream");
    void writeReadableStreamToWritable(body, response);
  });
  server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server!.once("listening", resolve));
  return { source, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each([
  ["compressed", { "Accept-Encoding": "gzip" }],
  ["not compressed", { "Accept-Encoding": "identity" }],
])("a response sent %s", (_name, headers) => {
  test("is read no faster than its reader takes it, and arrives whole when the reader goes on", async () => {
    const { source, url } = await streamingServer();
    const received: Buffer[] = [];
    const response = await new Promise<http.IncomingMessage>((resolve) => http.get(url, { headers }, resolve));
    response.pause();
    await pause(500);
    // What the connection's buffers hold, not the whole body: without waiting for the reader, every chunk is read at once.
    expect(source.pulls).toBeLessThan(CHUNKS / 3);
    const ended = new Promise((resolve) => response.on("end", resolve));
    response.on("data", (chunk: Buffer) => received.push(chunk));
    response.resume();
    await ended;
    const body = headers["Accept-Encoding"] === "gzip" ? gunzipSync(Buffer.concat(received)) : Buffer.concat(received);
    expect(body.length).toBe(CHUNKS * CHUNK.length);
    expect(body.subarray(body.length - CHUNK.length).equals(CHUNK)).toBe(true);
    expect(source.pulls).toBe(CHUNKS);
  });

  test("stops being read when its reader goes away", async () => {
    const { source, url } = await streamingServer();
    const response = await new Promise<http.IncomingMessage>((resolve) => http.get(url, { headers }, resolve));
    response.pause();
    await pause(200);
    response.destroy();
    for (let i = 0; i < 50 && !source.cancelled; i++) await pause(20);
    expect(source.cancelled).toBe(true);
    expect(source.pulls).toBeLessThan(CHUNKS / 3);
  });
});
