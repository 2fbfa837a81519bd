import { FastPath, type FastPathMessage, type FastPathRequest } from "./fastpath.ts";

/**
 * The dev server's fast-path process (src/cli/dev.ts starts it beside Eleventy's, with
 * exit-with-parent.ts): reads every briefing once, then on each save writes what it changes
 * (src/dev/fastpath.ts). Saves that arrive while it works are handled together, in order.
 */
const fast = new FastPath({ env: process.env, root: process.cwd(), output: process.env.DISPATCH_OUT! });
const send = (message: FastPathMessage) => process.send?.(message);

let running = false;
let again = false;
async function run(): Promise<void> {
  if (running) {
    again = true;
    return;
  }
  running = true;
  try {
    do {
      again = false;
      try {
        await fast.update(send);
      } catch (error) {
        // A fault of the fast path, not of the briefing: said, and the full rebuild does the work.
        send({ type: "error", message: process.env.DEBUG ? String((error as Error).stack) : (error as Error).message });
      }
    } while (again);
  } finally {
    running = false;
  }
}

// exit-with-parent.ts lets the channel go; this process lives for its messages.
process.channel?.ref();
process.on("message", (request: FastPathRequest) => {
  if (request.type === "forget") fast.forget();
  void run();
});
void run();
