import { runCli } from "./cli.js";

process.exitCode = await runCli(process.argv.slice(2), { cwd: process.env["INIT_CWD"] ?? process.cwd(), out: (line) => console.log(line), err: (line) => console.error(line) });
