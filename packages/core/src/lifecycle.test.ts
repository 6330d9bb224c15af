import { describe, expect, it } from "vitest";
import { lifecycleTable, reachableStates, transition, type Lifecycle } from "./lifecycle.js";

type Door = "open" | "closed" | "locked" | "removed";
type DoorCommand = "close" | "open" | "lock" | "unlock" | "remove";
const door: Lifecycle<Door, DoorCommand> = {
  open: { close: "closed", remove: "removed" },
  closed: { open: "open", lock: "locked" },
  locked: { unlock: "closed" },
  removed: {},
};

describe("lifecycle tables", () => {
  it("gives the next state of an accepted command", () => {
    expect(transition(door, "door D-1", "closed", "lock")).toEqual({ _tag: "Right", right: "locked" });
  });

  it("refuses with one sentence naming the entity, command, state and what the state accepts", () => {
    const refused = transition(door, "door D-1", "locked", "open");
    expect(refused._tag === "Left" && refused.left.message).toBe('door D-1: cannot "open" while "locked"; "locked" accepts: unlock');
    expect(refused._tag === "Left" && refused.left.code).toBe("invalid_transition");
  });

  it("says when a state is final", () => {
    const refused = transition(door, "door D-1", "removed", "open");
    expect(refused._tag === "Left" && refused.left.message).toContain('"removed" is final');
  });

  it("finds reachable states and prints the table", () => {
    expect([...reachableStates(door, "locked")].sort()).toEqual(["closed", "locked", "open", "removed"]);
    expect(lifecycleTable(door)).toContain("| closed | lock | locked |");
    expect(lifecycleTable(door)).toContain("| removed | (final) | |");
  });
});
