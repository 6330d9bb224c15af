import { describe, expect, it } from "vitest";
import { statusOfRefusal } from "./refusal-status.js";

describe("HTTP status of a refusal", () => {
  it("is 400 for unreadable commands, 409 for conflicts with the log's state, 500 for events the store refused, 422 for rules", () => {
    const statuses = Object.fromEntries(
      ["invalid_command", "unknown_command", "version_conflict", "concurrency_retries_exhausted", "invalid_transition", "change_exists", "invalid_event", "chain_rejected", "phase_gate", "segregation_of_duties", "not_ready", "schedule_conflict"].map((code) => [code, statusOfRefusal(code)]),
    );
    expect(statuses).toEqual({
      invalid_command: 400,
      unknown_command: 400,
      version_conflict: 409,
      concurrency_retries_exhausted: 409,
      invalid_transition: 409,
      change_exists: 409,
      invalid_event: 500,
      chain_rejected: 500,
      phase_gate: 422,
      segregation_of_duties: 422,
      not_ready: 422,
      schedule_conflict: 422,
    });
  });
});
