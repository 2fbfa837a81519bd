import path from "node:path";
import { parseArgs } from "node:util";
import { pingHub, planPing, saveState } from "../feeds/websub.ts";
import { loadSiteSettings } from "../config/settings.ts";
import { projectPaths } from "../config/paths.ts";
import { runCommand } from "./run.ts";

/**
 * `npm run ping`: after a deploy, tells the WebSub hub which feeds changed since the last ping,
 * so subscribed readers get a new briefing at once instead of at their next poll.
 */
await runCommand("Ping failed", async () => {
  const { values } = parseArgs({ options: { all: { type: "boolean" }, "dry-run": { type: "boolean" } } });
  const paths = projectPaths();
  const settings = loadSiteSettings(paths.settingsFile, process.env, path.relative(paths.root, paths.settingsFile));
  const stateFile = process.env.DISPATCH_PING_STATE || path.join(paths.cache ?? path.join(paths.root, ".cache", "dispatch"), "websub.json");
  const plan = planPing(paths.output, settings, stateFile, values.all);
  if (plan.changed.length === 0) {
    console.log(`No feed changed since the last ping (${path.relative(process.cwd(), paths.output) || "."}/); nothing sent.`);
    return 0;
  }
  if (values["dry-run"]) {
    console.log(`Would tell ${plan.hub} about ${plan.changed.length} feed(s):`);
  } else {
    await pingHub(plan.hub, plan.changed);
    saveState(stateFile, plan.next);
    console.log(`Told ${plan.hub} about ${plan.changed.length} feed(s):`);
  }
  for (const url of plan.changed) console.log(`  ${url}`);
  return 0;
});
