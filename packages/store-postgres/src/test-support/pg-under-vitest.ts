// Vitest starts its workers with `--conditions import` (from the root config's
// ssr.resolve.conditions), and Node applies conditions to require() too: pg's CommonJS
// index then requires pg-pool's ES module wrapper and gets a namespace object instead of
// the Pool class ("Class extends value [object Module] is not a constructor"). Before pg
// loads, this puts pg-pool's CommonJS build in the require cache under the wrapper's path.
// It changes nothing when Node runs without that condition. Import it before "pg".
import { createRequire, Module } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const pgMain = require.resolve("pg");
const poolPath = require.resolve("pg-pool", { paths: [dirname(pgMain)] });
const cache = (Module as unknown as { _cache: Record<string, unknown> })._cache;
if (poolPath.endsWith(".mjs") && cache[poolPath] === undefined) {
  const commonJs = new Module(poolPath);
  commonJs.filename = poolPath;
  commonJs.exports = require(join(dirname(poolPath), "..", "index.js"));
  commonJs.loaded = true;
  cache[poolPath] = commonJs;
}
