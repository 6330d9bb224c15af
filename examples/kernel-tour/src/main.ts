import { runTour } from "./tour.js";

const report = await runTour();
for (const line of report.lines) console.log(line);
