import { z } from "zod";
import { describe, expect, it } from "vitest";
import { describeZodError, safeParseReportingInput } from "./zod-messages.js";

const Impact = z.object({ impact: z.union([z.literal(1), z.literal(2), z.literal(3)]), title: z.string().min(1) });

describe("safeParseReportingInput", () => {
  it("answers a passing value as safeParse does, with the parsed data", () => {
    const parsed = safeParseReportingInput(Impact.transform((value) => ({ ...value, title: value.title.toUpperCase() })), { impact: 2, title: "disk" });
    expect(parsed).toEqual({ success: true, data: { impact: 2, title: "DISK" } });
  });

  it("refuses a failing value with issues that hold the input, so the message names what was given", () => {
    const parsed = safeParseReportingInput(Impact, { impact: "high", title: "disk" });
    expect(parsed.success).toBe(false);
    if (parsed.success) return;
    expect(describeZodError(parsed.error, "data")).toEqual({ path: "data.impact", message: 'data.impact: Invalid input, got "high"' });
    const plain = Impact.safeParse({ impact: "high", title: "disk" });
    expect(plain.success || describeZodError(plain.error, "data").message).toBe("data.impact: Invalid input");
  });

  it("keeps the first answer when a refinement passes on the second parse", () => {
    let calls = 0;
    const flaky = z.string().refine(() => ++calls > 1, "refused the first time");
    const parsed = safeParseReportingInput(flaky, "x");
    expect(calls).toBe(2);
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.error.issues[0]?.message).toBe("refused the first time");
  });
});
