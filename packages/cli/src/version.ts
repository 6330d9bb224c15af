import manifest from "../package.json" with { type: "json" };

/** The version of this `handover`, as published (its package.json's, bundled in at build). */
export const CLI_VERSION: string = manifest.version;
