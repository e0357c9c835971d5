"""The benchmark's networkx peer for the maximum circulation.

Reads {"n", "arcs": [[u, v, w], ...], "runs"} as JSON on stdin (whole-dollar capacities w), and
solves max sum(c) with 0 <= c <= w and conservation at every vertex as a min-cost circulation:
every node has demand 0, every arc capacity w and cost -1 per unit, solved by networkx's
network_simplex. Only the solve is timed (not start-up, parsing or building the graph). Prints
{"ms": median of the runs, "times_ms", "circular_usd", "networkx"} as JSON on stdout.
"""

import json
import statistics
import sys
import time

import networkx as nx


def main() -> None:
    problem = json.load(sys.stdin)
    graph = nx.DiGraph()
    graph.add_nodes_from(range(problem["n"]))
    for u, v, w in problem["arcs"]:
        graph.add_edge(u, v, capacity=int(w), weight=-1)
    times = []
    circular = None
    for _ in range(max(1, int(problem["runs"]))):
        start = time.perf_counter()
        cost, flows = nx.network_simplex(graph)
        times.append((time.perf_counter() - start) * 1000)
        total = sum(flow for targets in flows.values() for flow in targets.values())
        if total != -cost:
            raise SystemExit(f"networkx: flow total {total} differs from -cost {-cost}")
        circular = total
    print(json.dumps({"ms": statistics.median(times), "times_ms": times, "circular_usd": circular, "networkx": nx.__version__}))


if __name__ == "__main__":
    main()
