// Needs no database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, test } from "vitest";
import { getEnv, resetEnvCache } from "~/utils/env.server";

const saved = process.env.TRUST_PROXY;
afterEach(() => {
  if (saved === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = saved;
  resetEnvCache();
});

function trustProxy(value: string | undefined) {
  if (value === undefined) delete process.env.TRUST_PROXY;
  else process.env.TRUST_PROXY = value;
  resetEnvCache();
  return getEnv().TRUST_PROXY;
}

/** The client address Express reports for a request from this machine carrying the given X-Forwarded-For. */
async function clientAddressSeen(setting: ReturnType<typeof trustProxy>, forwardedFor: string) {
  const app = express();
  app.set("trust proxy", setting);
  app.get("/", (req, res) => {
    res.send(req.ip);
  });
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    return await new Promise<string>((resolve, reject) => {
      const { port } = server.address() as AddressInfo;
      http
        .get({ host: "127.0.0.1", port, path: "/", headers: { "X-Forwarded-For": forwardedFor } }, (response) => {
          let body = "";
          response.on("data", (chunk) => (body += chunk));
          response.on("end", () => resolve(body));
        })
        .on("error", reject);
    });
  } finally {
    server.close();
  }
}

describe("TRUST_PROXY", () => {
  test("takes a number of proxy hops, a list of proxy addresses, or nothing", () => {
    expect(trustProxy(undefined)).toBe(false);
    expect(trustProxy("false")).toBe(false);
    expect(trustProxy("1")).toBe(1);
    expect(trustProxy("2")).toBe(2);
    expect(trustProxy("10.0.0.1, 10.0.1.0/24,loopback")).toEqual(["10.0.0.1", "10.0.1.0/24", "loopback"]);
    expect(() => trustProxy("yes please")).toThrow(/TRUST_PROXY: must be false, a number of proxy hops/);
  });

  test("behind one proxy, the client is the address that proxy added, not one the client wrote itself", async () => {
    // A client sends "X-Forwarded-For: 6.6.6.6"; the proxy at 127.0.0.1 appends the real address, 203.0.113.7.
    const chain = "6.6.6.6, 203.0.113.7";
    expect(await clientAddressSeen(trustProxy("1"), chain)).toBe("203.0.113.7");
    expect(await clientAddressSeen(trustProxy("true"), chain)).toBe("203.0.113.7");
    expect(await clientAddressSeen(trustProxy("127.0.0.1"), chain)).toBe("203.0.113.7");
    expect(await clientAddressSeen(trustProxy("false"), chain)).toBe("127.0.0.1");
  });

  test("two trusted proxies are two hops", async () => {
    expect(await clientAddressSeen(trustProxy("2"), "6.6.6.6, 203.0.113.7, 10.0.0.2")).toBe("203.0.113.7");
    expect(await clientAddressSeen(trustProxy("127.0.0.1,10.0.0.2"), "6.6.6.6, 203.0.113.7, 10.0.0.2")).toBe("203.0.113.7");
  });
});
