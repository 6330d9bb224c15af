"""Loads Handover's process-mining exports with pm4py and prints what it found, as JSON.

Usage: pm4py_check.py <log.ocel.json> <log.xes>
Prints {"ocel": {"objects", "events", "objectTypes", "ocdfgActivities"}, "xes": {"traces", "events", "dfgEdges", "dfg"}}.
Run by packages/cli/src/e2e/process-mining.test.ts from the git-ignored venv .venv-pm4py
(python3 -m venv .venv-pm4py && .venv-pm4py/bin/pip install pm4py).
"""
import json
import sys

import pm4py


def main(ocel_path: str, xes_path: str) -> None:
    ocel = pm4py.read_ocel2_json(ocel_path)
    ocdfg = pm4py.discover_ocdfg(ocel)
    log = pm4py.read_xes(xes_path, return_legacy_log_object=True)
    dfg, _start, _end = pm4py.discover_dfg(log)
    print(json.dumps({
        "ocel": {
            "objects": int(len(ocel.objects)),
            "events": int(len(ocel.events)),
            "objectTypes": sorted(str(kind) for kind in ocel.objects["ocel:type"].unique()),
            "ocdfgActivities": sorted(str(activity) for activity in ocdfg["activities"]),
        },
        "xes": {
            "traces": len(log),
            "events": sum(len(trace) for trace in log),
            "dfgEdges": len(dfg),
            "dfg": sorted([a, b, int(count)] for (a, b), count in dfg.items()),
        },
    }))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
