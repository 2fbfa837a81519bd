import { parseArgs } from "node:util";
import { formatCardReport, planCards, writeCards } from "../cards/index.ts";
import { CommandError } from "../config/errors.ts";
import { loadProject } from "../build/project.ts";
import { runCommand } from "./run.ts";

/**
 * `npm run cards -- --all`: draws the share image of every published briefing into the cache,
 * so that the next `npm run build` gives each its own card, not only the newest `cards.recent`.
 */
await runCommand("cards", async () => {
  const { values } = parseArgs({ options: { all: { type: "boolean" } } });
  if (!values.all) throw new CommandError("say which cards to draw: npm run cards -- --all (a build draws the newest cards.recent itself)");
  const project = loadProject();
  if (!project.paths.cache) throw new CommandError("DISPATCH_CACHE=off: there is no cache to keep the cards in; unset it");
  const plan = planCards(project.briefings, project.settings, project.cache, new Date(), true);
  if (!plan) throw new CommandError('cards are off ("cards": { "enabled": false } in content/_data/site.json)');
  console.log(formatCardReport(await writeCards(plan, project.settings, project.cache, null)));
  console.log("Run npm run build to publish them.");
  return 0;
});
