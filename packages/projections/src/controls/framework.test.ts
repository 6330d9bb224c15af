import { describe, expect, it } from "vitest";
import { FINDING_KINDS } from "../audit/finding.js";
import { READINESS_CHECKS } from "../readiness/criteria.js";
import { CONTROL_FRAMEWORKS, parseControlFramework, unmappedRules, type ControlFramework } from "./framework.js";

describe("the default control mappings", () => {
  for (const [name, framework] of Object.entries(CONTROL_FRAMEWORKS)) {
    it(`${name}: every audit finding kind and readiness check maps to a control or is listed as evidencing none`, () => {
      expect(unmappedRules(framework)).toEqual({ findings: [], readiness: [] });
    });
  }

  it("ISO/IEC 20000-1:2018 maps every finding kind and readiness check to at least one control of clause 8", () => {
    const framework = CONTROL_FRAMEWORKS.iso20000;
    const mapped = new Set(framework.controls.flatMap((control) => [...(control.findings ?? []), ...(control.readiness ?? [])]));
    expect([...FINDING_KINDS, ...READINESS_CHECKS].filter((rule) => !mapped.has(rule))).toEqual([]);
    expect(new Set(framework.controls.map((control) => control.clause))).toEqual(new Set(["8.1", "8.2.6", "8.3.3", "8.5.1.2", "8.5.1.3", "8.5.2.3", "8.5.3", "8.6.1", "8.6.3"]));
  });

  it("SOX covers the usual change controls: authorised, tested, approved, segregated, emergency", () => {
    const clauses = CONTROL_FRAMEWORKS.sox.controls.map((control) => control.clause);
    expect(clauses).toEqual(expect.arrayContaining(["authorised", "tested", "approved", "segregated", "emergency"]));
  });
});

describe("parseControlFramework", () => {
  it("reads a user's framework, and names the field that is wrong", () => {
    const own: ControlFramework = { id: "own", name: "Our controls", controls: [{ id: "C1", clause: "1", title: "no unauthorised change", findings: ["ci_change_unauthorised"] }] };
    expect(parseControlFramework(own)).toMatchObject({ _tag: "Right", right: own });
    expect(unmappedRules(own).findings).toContain("segregation_of_duties");
    const badKind = parseControlFramework({ ...own, controls: [{ ...own.controls[0], findings: ["ci_change_sneaky"] }] });
    expect(badKind).toMatchObject({ _tag: "Left", left: expect.stringMatching(/^framework\.controls\[0\]\.findings\[0\]: Invalid option/) });
    expect(parseControlFramework({ ...own, controls: [own.controls[0], own.controls[0]] })).toMatchObject({ _tag: "Left", left: expect.stringContaining("each control id is used once") });
    expect(parseControlFramework({ ...own, controls: [] })).toMatchObject({ _tag: "Left" });
  });
});
