import { defineProcess } from "@handover/itil";
import { ReleaseCommand } from "./commands.js";
import { releaseDecider } from "./decide.js";
import { releaseCatalogue } from "./events.js";
import { releaseLifecycle } from "./lifecycle.js";
import { releaseRules } from "./rules.js";

/**
 * Release management, described once: `release.*` commands on `release-<releaseId>` streams,
 * the release lifecycle, the facts its rules read (the changes it bundles) and the rules
 * every release event is judged by (`releaseRules`).
 */
export const releaseProcess = defineProcess({
  name: "release",
  title: "Release management",
  commandPrefix: "release",
  streamPrefix: "release",
  idField: "releaseId",
  commandSchema: ReleaseCommand,
  catalogue: releaseCatalogue,
  decider: releaseDecider,
  lifecycles: [{ name: "release", table: releaseLifecycle }],
  statusOf: (state) => state.status,
  groups: { open: ["planned", "built", "testing", "test_passed", "test_failed", "approved", "deployed"], finished: ["rolled_back", "closed"], inForce: ["deployed"] },
  facts: { changes: "for the rules: the state of each change the release bundles, and whether it is authorised (change's isChangeAuthorised)" },
  rules: releaseRules,
});
