import { spawnSync } from "node:child_process";
import { appendFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pingHub, planPing, saveState, subscriptionFeeds } from "../../src/feeds/websub.ts";
import { makeSettings } from "../fixtures/feeds/briefings.ts";
import { FIXTURE_BRIEFINGS, ROOT, runBuild } from "../helpers/site.ts";
import { tempFolder } from "../helpers/tmp.ts";

const folder = tempFolder("dispatch-websub-");
const out = path.join(folder.dir, "dist");
const state = path.join(folder.dir, "state", "websub.json");
const pings: URLSearchParams[] = [];
let hub: string;
let server: Server;
let refuse = false;

beforeAll(async () => {
  expect(runBuild(FIXTURE_BRIEFINGS, out).status).toBe(0);
  // A real hub endpoint on a loopback port: it records each publish ping.
  server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      pings.push(new URLSearchParams(body));
      response.writeHead(refuse ? 500 : 204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  hub = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("npm run ping (WebSub)", () => {
  it("announces every subscription feed first, then only the ones whose bytes changed", async () => {
    const settings = makeSettings({ url: "https://dispatch.example.org/", websub: { hub } });
    const feeds = subscriptionFeeds(out);
    expect(feeds.slice(0, 3)).toEqual(["/feed.xml", "/atom.xml", "/feed.json"]);
    expect(feeds.some((feed) => /^\/tags\/[^/]+\/atom\.xml$/.test(feed))).toBe(true);

    const first = planPing(out, settings, state);
    expect(first.changed).toHaveLength(feeds.length);
    await pingHub(first.hub, first.changed);
    saveState(state, first.next);
    expect(pings.map((ping) => [ping.get("hub.mode"), ping.get("hub.url")])).toEqual(
      first.changed.map((url) => ["publish", url]),
    );

    expect(planPing(out, settings, state).changed).toEqual([]);
    appendFileSync(path.join(out, "atom.xml"), "\n");
    expect(planPing(out, settings, state).changed).toEqual(["https://dispatch.example.org/atom.xml"]);
    expect(planPing(out, settings, state, true).changed).toHaveLength(feeds.length);
  });

  it("fails when the hub refuses, naming the hub and the feed", async () => {
    refuse = true;
    try {
      await expect(pingHub(hub, ["https://dispatch.example.org/atom.xml"])).rejects.toThrow(/answered 500 .* for https:\/\/dispatch\.example\.org\/atom\.xml/);
    } finally {
      refuse = false;
    }
  });

  it("says how to set a hub when none is set, in one line, exit 1", () => {
    const run = spawnSync(process.execPath, ["--import", "tsx", "src/cli/ping.ts"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, DISPATCH_OUT: out, DISPATCH_PING_STATE: state },
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim()).toBe('Ping failed: no WebSub hub is set: add "websub": { "hub": "https://…" } to content/_data/site.json');
  });
});
