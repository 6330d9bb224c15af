import type { Size } from "../../harness/size.js";
import { writeItilLog } from "./log-file.js";

/** Entry of the generator process: `write-log-main.ts <path> <size JSON> <seed>`. */
const [path, size, seed] = process.argv.slice(2);
if (path === undefined || size === undefined || seed === undefined) throw new Error("usage: write-log-main.ts <path> <size JSON> <seed>");
const count = writeItilLog(path, JSON.parse(size) as Size, Number(seed));
console.log(`${count} events written to ${path}`);
