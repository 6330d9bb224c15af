import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbitraryCmdbSteps, cmdbLogOf } from "../fixtures/random-cmdb-log.js";
import { cmdbAsOf, cmdbProjection } from "./projection.js";
import { snapshotCmdb } from "./snapshot.js";

const histories = arbitraryCmdbSteps.map(cmdbLogOf).chain((log) => fc.tuple(fc.constant(log), fc.nat({ max: log.length })));

describe("CMDB properties", () => {
  test.prop([histories], { numRuns: 40 })("the CMDB as of position p equals the CMDB of the log cut at p", ([log, p]) => {
    expect(cmdbAsOf(log, { toPosition: p })).toEqual(cmdbAsOf(log.slice(0, p)));
  });

  test.prop([histories], { numRuns: 40 })("a result handed out mid-replay stays as it was while the state moves on (copy on write)", ([log, p]) => {
    const projection = cmdbProjection();
    const state = projection.init();
    log.slice(0, p).forEach((event) => projection.apply(state, event));
    const early = projection.result?.(state);
    const earlyCopy = structuredClone(early);
    log.slice(p).forEach((event) => projection.apply(state, event));
    expect(early).toEqual(earlyCopy);
    expect(early).toEqual(cmdbAsOf(log, { toPosition: p }));
    expect(projection.result?.(state)).toEqual(cmdbAsOf(log));
  });

  test.prop([histories], { numRuns: 40 })("resuming from a snapshot at p, in memory or through JSON, gives the CMDB of the whole log", ([log, p]) => {
    const projection = cmdbProjection();
    const state = projection.init();
    log.slice(0, p).forEach((event) => projection.apply(state, event));
    const snapshot = snapshotCmdb(state);
    const whole = cmdbAsOf(log);
    expect(cmdbAsOf(log.slice(p), { snapshot })).toEqual(whole);
    expect(cmdbAsOf(log, { snapshot: JSON.parse(JSON.stringify(snapshot)) })).toEqual(whole);
  });

  test.prop([histories], { numRuns: 40 })("a query from a snapshot leaves the snapshot as it was and shares the CIs the rest of the log does not touch", ([log, p]) => {
    const projection = cmdbProjection();
    const state = projection.init();
    log.slice(0, p).forEach((event) => projection.apply(state, event));
    const snapshot = snapshotCmdb(state);
    const before = structuredClone(snapshot);
    const cmdb = cmdbAsOf(log.slice(p), { snapshot });
    expect(snapshot).toEqual(before);
    // Every string an event after p holds anywhere in its data (its CI, a relationship's target, a baseline's CIs).
    const touched = new Set(log.slice(p).flatMap((event) => JSON.stringify(event.data).match(/"[^"]*"/g) ?? []).map((quoted) => quoted.slice(1, -1)));
    for (const ci of snapshot.cis) if (!touched.has(ci.ciId)) expect(cmdb.byId.get(ci.ciId)).toBe(ci);
    expect(cmdb.cis.every((ci) => Object.isFrozen(ci) && Object.isFrozen(ci.attributes) && Object.isFrozen(ci.relationships) && Object.isFrozen(ci.inverses))).toBe(true);
  });

  test.prop([histories], { numRuns: 40 })("every inverse matches a relationship stored on its source, and every relationship has its inverse", ([log]) => {
    const cmdb = cmdbAsOf(log);
    const stored = cmdb.cis.flatMap((ci) => ci.relationships.map((relationship) => `${ci.ciId}>${relationship.targetCiId}`)).sort();
    const derived = cmdb.cis.flatMap((ci) => ci.inverses.map((inverse) => `${inverse.ciId}>${ci.ciId}`)).sort();
    expect(derived).toEqual(stored);
  });
});

describe("snapshots", () => {
  test.prop([histories], { numRuns: 10 })("a snapshot that holds events after the range asked is refused", ([log]) => {
    fc.pre(log.length > 2);
    const projection = cmdbProjection();
    const state = projection.init();
    log.forEach((event) => projection.apply(state, event));
    expect(() => cmdbAsOf(log, { snapshot: snapshotCmdb(state), toPosition: 1 })).toThrow(/does not fit/);
  });
});
