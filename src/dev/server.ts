import EleventyDevServer from "@11ty/eleventy-dev-server";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { refusal } from "./requests.ts";

type UpgradeListener = (request: IncomingMessage, socket: Duplex, head: Buffer) => void;

/**
 * Eleventy's dev server, bound to 127.0.0.1, refusing other hosts' names and unsafe paths
 * (a bad `%` escape used to throw a URIError that ended `npm start`), and never letting one
 * request's error end the process.
 */
export class LocalhostDevServer extends EleventyDevServer {
  override _serverListen(port: number): void {
    this.server.listen({ port, host: "127.0.0.1" });
  }

  /** A page shown instead of every HTML page (first build running, or a failed build); null for the site. */
  notice: string | null = null;

  override async onRequestHandler(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const refused = refusal(request.headers.host, request.url ?? "");
    if (refused) {
      response.writeHead(refused.status, { "content-type": "text/plain; charset=utf-8" }).end(`${refused.message}\n`);
      return;
    }
    // Pages (not files such as feeds or images): paths ending in / or .html.
    if (this.notice && /(\/|\.html)$/.test(new URL(request.url ?? "/", "http://x.invalid").pathname)) {
      response.writeHead(503, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" }).end(this.notice);
      return;
    }
    try {
      await super.onRequestHandler(request, response);
    } catch (error) {
      console.error(`[dispatch] ${request.url ?? ""}: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) response.destroy();
      else response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("Internal error.\n");
    }
  }

  /** The live-reload socket gets the same checks before the WebSocket server sees it. */
  override setupReloadNotifier(): void {
    const before = new Set(this.server.listeners("upgrade"));
    super.setupReloadNotifier();
    for (const listener of this.server.listeners("upgrade") as UpgradeListener[]) {
      if (before.has(listener)) continue;
      this.server.off("upgrade", listener);
      this.server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        const refused = refusal(request.headers.host, request.url ?? "");
        if (refused) socket.end(`HTTP/1.1 ${refused.status} ${refused.status === 403 ? "Forbidden" : "Bad Request"}\r\nConnection: close\r\n\r\n`);
        else listener(request, socket, head);
      });
    }
  }
}
