// A build killed at one step: `node --import tsx publish-child.ts OUTPUT SITE STEP` publishes
// SITE (A or B) into OUTPUT and SIGKILLs itself just before its STEP-th change to the disk.
import { publish } from "../../src/build/publish.ts";
import { type SiteId, watchedFs, writeSite } from "./sites.ts";

const [output, site, step] = process.argv.slice(2);
const fs = watchedFs((call) => {
  if (call === Number(step)) process.kill(process.pid, "SIGKILL");
});
await publish(output, writeSite(site as SiteId), { fs, warn: () => {} });
