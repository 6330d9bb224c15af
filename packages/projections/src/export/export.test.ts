import { describe, expect, it } from "vitest";
import { handoverStory } from "../fixtures/handover-story.js";
import { linksOf } from "./links.js";
import { toOcel2 } from "./ocel.js";
import { processLog } from "./process-log.js";
import { toXes } from "./xes.js";

const log = handoverStory().log();
const mined = processLog(log);

describe("processLog", () => {
  it("keeps every event with its position and hash, and every aggregate as an object of its kind", () => {
    expect(mined.events.map((event) => [event.position, event.hash])).toEqual(log.map((event) => [event.position, event.hash]));
    expect(mined.objects.map((object) => object.id)).toEqual(["project:crm", "ci:crm-svc", "ci:crm-app", "ci:crm-db", "change:C-1", "incident:INC1", "incident:INC2", "problem:PRB1", "release:R-1"]);
  });

  it("qualifies what an event relates to: its own aggregate first, then the objects its data names", () => {
    const planned = log.find((event) => event.type === "release.planned");
    expect(planned && linksOf(planned)).toEqual([
      { objectId: "release:R-1", qualifier: "release" },
      { objectId: "change:C-1", qualifier: "bundles" },
      { objectId: "ci:crm-app", qualifier: "ships" },
    ]);
    const relationship = log.find((event) => event.type === "configuration.relationship_added");
    expect(relationship && linksOf(relationship)).toEqual([{ objectId: "ci:crm-app", qualifier: "ci" }, { objectId: "ci:crm-db", qualifier: "depends_on target" }]);
    expect(mined.objects.find((object) => object.id === "release:R-1")?.relationships).toEqual([{ objectId: "change:C-1", qualifier: "bundles" }, { objectId: "ci:crm-app", qualifier: "ships" }]);
  });

  it("records an object's attributes when they change, at the time of the event that changed them", () => {
    const incident = mined.objects.find((object) => object.id === "incident:INC1");
    expect(incident?.attributes.filter((attribute) => attribute.name === "status").map((attribute) => [attribute.value, attribute.time])).toEqual([
      ["new", "2026-03-04T09:00:00.000Z"],
      ["assigned", "2026-03-08T10:00:00.000Z"],
      ["in_progress", "2026-03-08T10:10:00.000Z"],
      ["resolved", "2026-03-08T11:00:00.000Z"],
    ]);
  });
});

describe("toOcel2 and toXes", () => {
  it("declares each attribute's type, carries the log's attributes on every event, and writes a trace per object of the case kind", () => {
    const ocel = toOcel2(mined);
    expect(ocel.objectTypes.find((type) => type.name === "incident")?.attributes).toContainEqual({ name: "priority", type: "integer" });
    expect(ocel.eventTypes.find((type) => type.name === "change.implemented")?.attributes).toEqual(expect.arrayContaining([{ name: "handover:position", type: "integer" }, { name: "outcome", type: "string" }]));
    const xes = toXes(mined, "incident");
    expect(xes.match(/<trace>/g)).toHaveLength(2);
    expect(xes).toContain('<string key="concept:name" value="INC1"/>');
    const logged = log.find((event) => event.type === "incident.logged");
    expect(xes).toContain(`<int key="handover:position" value="${logged?.position ?? 0}"/>\n      <string key="handover:hash" value="${logged?.hash ?? ""}"/>`);
  });
});
