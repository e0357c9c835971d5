"""Loop-search peers for bench/loop-peers.ts: networkx 3.6 (simple_cycles) and python-igraph 1.0
(Graph.simple_cycles, C core), in the bench's virtual environment.

  python loop_peers.py search GRAPH.json PEER RUNS   the search alone, warm: {"ms", "cycles", "version"}
  python loop_peers.py whole DIR MAXLEN PEER         reads DIR/deals.json, builds the graph, counts
                                                      the loops (timed from outside, whole process)
  python loop_peers.py differential CASES.json       networkx's loops of each small graph, canonical

GRAPH.json: {"n", "arcs": [[a, b], ...], "max_length": L or null}. Vertices are numbers; parallel arcs
are dropped first (both peers count a loop once per vertex sequence, as Roundtrip does). MAXLEN "all"
means no bound.
"""
import json
import sys
import time


def unique_arcs(arcs):
    seen = set()
    out = []
    for a, b in arcs:
        if (a, b) not in seen:
            seen.add((a, b))
            out.append((a, b))
    return out


def build_networkx(n, arcs):
    import networkx as nx
    graph = nx.DiGraph()
    graph.add_nodes_from(range(n))
    graph.add_edges_from(arcs)
    return graph


def search_networkx(graph, max_length):
    import networkx as nx
    return sum(1 for _ in nx.simple_cycles(graph, length_bound=max_length))


def build_igraph(n, arcs):
    import igraph
    return igraph.Graph(n=n, edges=arcs, directed=True)


def search_igraph(graph, max_length):
    found = graph.simple_cycles(output="vpath") if max_length is None else graph.simple_cycles(output="vpath", max=max_length)
    return len(found)


PEERS = {"networkx": (build_networkx, search_networkx), "igraph": (build_igraph, search_igraph)}


def version(peer):
    if peer == "networkx":
        import networkx
        return networkx.__version__
    import igraph
    return igraph.__version__


def search(graph_file, peer, runs):
    with open(graph_file) as f:
        graph = json.load(f)
    n, arcs, max_length = graph["n"], unique_arcs(graph["arcs"]), graph["max_length"]
    peer_version = version(peer)
    build, run = PEERS[peer]
    built = build(n, arcs)
    times = []
    cycles = None
    for i in range(runs):
        start = time.perf_counter()
        cycles = run(built, max_length)
        times.append((time.perf_counter() - start) * 1000)
        # A run of seconds is past any warm-up: do not repeat it.
        if times[-1] > 2000:
            break
    times.sort()
    print(json.dumps({"ms": times[len(times) // 2], "cycles": cycles, "version": peer_version}))


def whole(data_dir, max_length, peer):
    with open(f"{data_dir}/deals.json") as f:
        deals = json.load(f)["deals"]
    with open(f"{data_dir}/entities.json") as f:
        ids = sorted(e["id"] for e in json.load(f)["entities"])
    index = {id: i for i, id in enumerate(ids)}
    arcs = unique_arcs((index[d["from"]], index[d["to"]]) for d in deals)
    bound = None if max_length == "all" else int(max_length)
    build, run = PEERS[peer]
    print(run(build(len(ids), arcs), bound))


def canonical(cycle):
    best = cycle.index(min(cycle))
    return ">".join(str(v) for v in cycle[best:] + cycle[:best])


def differential(cases_file):
    import networkx as nx
    with open(cases_file) as f:
        cases = json.load(f)
    out = []
    for case in cases:
        graph = nx.DiGraph()
        graph.add_nodes_from(range(case["n"]))
        graph.add_edges_from(unique_arcs(case["arcs"]))
        out.append(sorted(canonical(c) for c in nx.simple_cycles(graph, length_bound=case["max_length"])))
    print(json.dumps(out))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "search":
        search(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "whole":
        whole(sys.argv[2], sys.argv[3], sys.argv[4])
    elif command == "differential":
        differential(sys.argv[2])
    else:
        sys.exit(f"loop_peers.py: unknown command {command}")
