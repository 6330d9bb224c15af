import { ensureSqlite3Built } from "./peers/sqlite3-native.js";

// `pnpm bench:peers`: builds what the peers need that `pnpm install` leaves out (sqlite3's native binding).
process.exitCode = ensureSqlite3Built((line) => console.error(line)) ? 0 : 1;
