/**
 * Elementary circuits of a directed graph: Johnson, D. B. (1975), "Finding all the elementary
 * circuits of a directed graph", SIAM J. Comput. 4(1):77–84.
 *
 * Circuits are searched one strongly connected component at a time, starting from the component's
 * smallest vertex; that vertex is then removed and the components of the rest are searched in turn.
 * Each circuit is therefore found exactly once, already rotated to start at its smallest vertex.
 *
 * With a length bound, a vertex is only entered when it can still get back to the start within the
 * hops left (distances from a reverse breadth-first search per start). A branch cut that way counts
 * as "may still reach the start", so its vertices are not blocked: the bound can only cost time,
 * never a circuit.
 *
 * The search is resumable: `fill` hands out circuits in batches, so the generators below give the
 * first circuits at once and a consumer that stops iterating stops the work, without paying a
 * generator resumption inside the hot loop.
 */
import type { IndexedGraph } from './indexed-graph.js';
import { ComponentFinder, hasCycle } from './strong-components.js';

export interface CircuitOptions {
  /** Longest circuit to report, in arcs (= vertices). Default: no bound. */
  maxLength?: number;
  /**
   * Keeps only the circuits it accepts (path[0 … length − 1]); the others are searched but neither
   * kept nor counted against a cap.
   */
  accept?: (path: Int32Array, length: number) => boolean;
}

function resolveMaxLength(options: CircuitOptions): number {
  const maxLength = options.maxLength ?? Number.POSITIVE_INFINITY;
  if (!(maxLength >= 1)) throw new Error(`roundtrip/circuits: maxLength must be at least 1 (got ${String(options.maxLength)})`);
  return maxLength;
}

/**
 * A compact list of circuits: vertices packed into typed-array chunks (16-bit when the
 * graph has fewer than 65,536 vertices), with a start and a length per circuit. Keeping 100,000
 * loops costs a few megabytes and no object per loop, so memory stays bounded by the graph plus the
 * loops kept; chunks are never copied as the list grows.
 */
export class CircuitList {
  private static readonly CHUNK = 1 << 20;
  private static readonly FIRST_CHUNK = 1 << 12;
  private readonly wide: boolean;
  private chunks: Array<Uint16Array | Int32Array> = [];
  private current: Uint16Array | Int32Array | null = null;
  private used = 0;
  /** Per circuit: chunk number, offset in the chunk, length. */
  private where = new Int32Array(3 * 256);
  count = 0;

  constructor(vertexCount = Number.MAX_SAFE_INTEGER) {
    this.wide = vertexCount > 0xffff;
  }

  push(path: Int32Array, length: number): void {
    let chunk = this.current;
    if (chunk === null || this.used + length > chunk.length) {
      // The first chunks are small and grow: most searches keep a few thousand loops, and a
      // full-size chunk is megabytes to zero for each one.
      const size = Math.max(Math.min(CircuitList.CHUNK, CircuitList.FIRST_CHUNK * 2 ** this.chunks.length), length);
      chunk = this.wide ? new Int32Array(size) : new Uint16Array(size);
      this.chunks.push(chunk);
      this.current = chunk;
      this.used = 0;
    }
    const offset = this.used;
    for (let i = 0; i < length; i++) chunk[offset + i] = path[i] as number;
    this.used = offset + length;
    if (3 * (this.count + 1) > this.where.length) {
      const grown = new Int32Array(this.where.length * 2);
      grown.set(this.where);
      this.where = grown;
    }
    const k = 3 * this.count++;
    this.where[k] = this.chunks.length - 1;
    this.where[k + 1] = offset;
    this.where[k + 2] = length;
  }

  /** Length of circuit i. */
  lengthOf(i: number): number {
    return this.where[3 * i + 2] as number;
  }

  /** Circuit i as a new array of vertices. */
  get(i: number): number[] {
    const k = 3 * i;
    const chunk = this.chunks[this.where[k] as number] as Uint16Array | Int32Array;
    const offset = this.where[k + 1] as number;
    const length = this.where[k + 2] as number;
    const circuit = new Array<number>(length);
    for (let j = 0; j < length; j++) circuit[j] = chunk[offset + j] as number;
    return circuit;
  }

  /** Adds one to `visits[v]` for every time a circuit passes through vertex v. */
  countVisits(visits: Int32Array): void {
    for (let i = 0; i < this.count; i++) {
      const k = 3 * i;
      const chunk = this.chunks[this.where[k] as number] as Uint16Array | Int32Array;
      const offset = this.where[k + 1] as number;
      const end = offset + (this.where[k + 2] as number);
      for (let j = offset; j < end; j++) (visits[chunk[j] as number] as number)++;
    }
  }

  /** Calls `visit(u, v)` for every arc of every circuit (the last vertex's arc back to the first too). */
  forEachArc(visit: (u: number, v: number) => void): void {
    for (let i = 0; i < this.count; i++) {
      const k = 3 * i;
      const chunk = this.chunks[this.where[k] as number] as Uint16Array | Int32Array;
      const offset = this.where[k + 1] as number;
      const length = this.where[k + 2] as number;
      for (let j = 0; j < length; j++) visit(chunk[offset + j] as number, chunk[offset + ((j + 1) % length)] as number);
    }
  }

  clear(): void {
    this.chunks = this.current ? [this.current] : [];
    this.used = 0;
    this.count = 0;
  }

  /** Bytes held by the list's buffers. */
  get byteLength(): number {
    return this.chunks.reduce((sum, c) => sum + c.byteLength, 0) + this.where.byteLength;
  }

  *[Symbol.iterator](): Generator<number[]> {
    for (let i = 0; i < this.count; i++) yield this.get(i);
  }
}

/** Reverse arcs (who points at each vertex), for distances back to the start. */
function reverseArcs(graph: IndexedGraph): { offsets: Int32Array; sources: Int32Array } {
  const n = graph.ids.length;
  const offsets = new Int32Array(n + 1);
  for (let a = 0; a < graph.targets.length; a++) (offsets[(graph.targets[a] as number) + 1] as number)++;
  for (let v = 0; v < n; v++) offsets[v + 1] = (offsets[v + 1] as number) + (offsets[v] as number);
  const fill = offsets.slice(0, n);
  const sources = new Int32Array(graph.targets.length);
  for (let v = 0; v < n; v++) {
    for (let a = graph.offsets[v] as number; a < (graph.offsets[v + 1] as number); a++) {
      const w = graph.targets[a] as number;
      sources[(fill[w] as number)++] = v;
    }
  }
  return { offsets, sources };
}

/** Johnson's search, resumable between batches of circuits. */
export class CircuitSearch {
  private readonly maxLength: number;
  private readonly bounded: boolean;
  private readonly accept: ((path: Int32Array, length: number) => boolean) | null;
  private readonly finder: ComponentFinder;
  private readonly reverse: { offsets: Int32Array; sources: Int32Array } | null;
  // Search state, kept between calls to fill().
  private readonly blocked: Uint8Array;
  /**
   * Johnson's B(w), by arc: the arcs v → w whose tail v is to be unblocked when w is, as a list
   * linked through the arcs (firstListed[w], then nextListed[a]; -1 ends it). An arc is in at most
   * its head's list, `listed[a]` says whether it is, so adding to B(w) costs the same whatever its
   * length. Every list is empty between two start vertices.
   */
  private readonly firstListed: Int32Array;
  private readonly nextListed: Int32Array;
  private readonly listed: Uint8Array;
  private readonly arcSource: Int32Array;
  private readonly path: Int32Array;
  private readonly nextArc: Int32Array;
  private readonly found: Uint8Array;
  private readonly mark: Int32Array;
  private readonly distance: Int32Array;
  private readonly queue: Int32Array;
  private readonly work: Int32Array[] = [];
  private component: Int32Array | null = null;
  private stamp = 0;
  private depth = -1;
  /** Searching circuits through one vertex only: no removal of the start afterwards. */
  private readonly single: boolean;

  get vertexCount(): number {
    return this.graph.ids.length;
  }

  constructor(
    private readonly graph: IndexedGraph,
    options: CircuitOptions = {},
    through?: number,
  ) {
    const n = graph.ids.length;
    this.maxLength = resolveMaxLength(options);
    this.accept = options.accept ?? null;
    this.bounded = Number.isFinite(this.maxLength);
    this.finder = new ComponentFinder(graph);
    this.reverse = this.bounded ? reverseArcs(graph) : null;
    this.blocked = new Uint8Array(n);
    this.firstListed = new Int32Array(n).fill(-1);
    this.nextListed = new Int32Array(graph.targets.length);
    this.listed = new Uint8Array(graph.targets.length);
    this.arcSource = new Int32Array(graph.targets.length);
    for (let v = 0; v < n; v++) this.arcSource.fill(v, graph.offsets[v] as number, graph.offsets[v + 1] as number);
    this.path = new Int32Array(n + 1);
    this.nextArc = new Int32Array(n + 1);
    this.found = new Uint8Array(n + 1);
    this.mark = new Int32Array(n);
    this.distance = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.single = through !== undefined;
    const vertices = Array.from({ length: n }, (_, i) => i);
    const components = this.finder.components(vertices, this.mark, this.enterArea(vertices)).filter((c) => hasCycle(graph, c));
    if (through !== undefined) {
      if (!(through >= 0 && through < n)) throw new Error(`roundtrip/circuits: no vertex ${through}`);
      const own = components.find((c) => c.includes(through));
      // The start goes first: circuitsFromStart searches from component[0].
      if (own) this.work.push(Int32Array.of(through, ...own.filter((v) => v !== through)));
    } else {
      this.pushComponents(components);
    }
  }

  /** Marks `vertices` as the current search area, unblocked (their B lists are already empty). */
  private enterArea(vertices: ArrayLike<number>): number {
    const stamp = ++this.stamp;
    for (let i = 0; i < vertices.length; i++) {
      const v = vertices[i] as number;
      this.mark[v] = stamp;
      this.blocked[v] = 0;
    }
    return stamp;
  }

  /** Empties the B lists of `vertices` (the area just searched). */
  private clearLists(vertices: ArrayLike<number>): void {
    const { firstListed, nextListed, listed } = this;
    for (let i = 0; i < vertices.length; i++) {
      const v = vertices[i] as number;
      for (let a = firstListed[v] as number; a >= 0; a = nextListed[a] as number) listed[a] = 0;
      firstListed[v] = -1;
    }
  }

  /** Pushes components so the one with the smallest vertex is searched first. */
  private pushComponents(components: Int32Array[]): void {
    const cyclic = components.filter((c) => hasCycle(this.graph, c));
    cyclic.sort((a, b) => (b[0] as number) - (a[0] as number));
    this.work.push(...cyclic);
  }

  /** Hops from each area vertex back to s, within maxLength − 1; -1 when farther or unreachable. */
  private computeDistances(s: number, area: ArrayLike<number>): void {
    const { distance, queue, mark, stamp } = this;
    const reverse = this.reverse as { offsets: Int32Array; sources: Int32Array };
    for (let i = 0; i < area.length; i++) distance[area[i] as number] = -1;
    distance[s] = 0;
    queue[0] = s;
    let tail = 1;
    const limit = this.maxLength - 1;
    for (let head = 0; head < tail; head++) {
      const v = queue[head] as number;
      const next = (distance[v] as number) + 1;
      if (next > limit) continue;
      for (let a = reverse.offsets[v] as number; a < (reverse.offsets[v + 1] as number); a++) {
        const u = reverse.sources[a] as number;
        if (mark[u] === stamp && distance[u] === -1) {
          distance[u] = next;
          queue[tail++] = u;
        }
      }
    }
  }

  /** Moves to the next start vertex; false when every component is done. */
  private advance(): boolean {
    if (this.component !== null) this.clearLists(this.component);
    if (this.component !== null && !this.single) {
      const rest = this.component.slice(1);
      if (rest.length > 0) this.pushComponents(this.finder.components(rest, this.mark, this.enterArea(rest)));
    }
    const component = this.work.pop();
    this.component = component ?? null;
    if (!component) return false;
    const s = component[0] as number;
    this.enterArea(component);
    if (this.bounded) this.computeDistances(s, component);
    this.depth = 0;
    this.path[0] = s;
    this.blocked[s] = 1;
    this.nextArc[0] = this.graph.offsets[s] as number;
    this.found[0] = 0;
    return true;
  }

  private unblock(u: number): void {
    const { blocked, firstListed, nextListed, listed, arcSource, queue } = this;
    blocked[u] = 0;
    let top = 0;
    queue[top++] = u;
    while (top > 0) {
      const x = queue[--top] as number;
      for (let a = firstListed[x] as number; a >= 0; a = nextListed[a] as number) {
        listed[a] = 0;
        const w = arcSource[a] as number;
        if (blocked[w]) {
          blocked[w] = 0;
          queue[top++] = w;
        }
      }
      firstListed[x] = -1;
    }
  }

  /**
   * Appends up to `max − out.count` circuits to `out`. Returns false once the search is complete
   * (nothing more will ever be added), true when it stopped because `out` is full.
   */
  fill(out: CircuitList, max: number): boolean {
    const { offsets, targets } = this.graph;
    const { blocked, firstListed, nextListed, listed, path, nextArc, found, mark, distance, bounded, maxLength, accept } = this;
    while (out.count < max) {
      if (this.depth < 0 && !this.advance()) return false;
      const s = path[0] as number;
      const stamp = this.stamp;
      let depth = this.depth;
      search: while (depth >= 0) {
        const v = path[depth] as number;
        const end = offsets[v + 1] as number;
        // The arcs of v not tried yet; a vertex entered moves to the next depth.
        for (let arc = nextArc[depth] as number; arc < end; ) {
          const w = targets[arc++] as number;
          if (mark[w] !== stamp) continue;
          if (w === s) {
            found[depth] = 1;
            if (accept !== null && !accept(path, depth + 1)) continue;
            out.push(path, depth + 1);
            if (out.count >= max) {
              nextArc[depth] = arc;
              this.depth = depth;
              return true;
            }
          } else if (!blocked[w]) {
            if (bounded) {
              const d = distance[w] as number;
              if (d < 0 || depth + 1 + d > maxLength) {
                // Too far from the start for the hops left: treat as reachable, never block on it.
                found[depth] = 1;
                continue;
              }
            }
            nextArc[depth] = arc;
            depth++;
            path[depth] = w;
            blocked[w] = 1;
            nextArc[depth] = offsets[w] as number;
            found[depth] = 0;
            continue search;
          }
        }
        if (found[depth]) {
          this.unblock(v);
        } else {
          for (let a = offsets[v] as number; a < end; a++) {
            const w = targets[a] as number;
            if (mark[w] !== stamp || listed[a]) continue;
            listed[a] = 1;
            nextListed[a] = firstListed[w] as number;
            firstListed[w] = a;
          }
        }
        depth--;
        if (depth >= 0 && found[depth + 1]) found[depth] = 1;
      }
      this.depth = -1;
    }
    return true;
  }
}

const BATCH = 512;

function* drain(search: CircuitSearch, transform?: (circuit: number[]) => number[]): Generator<number[]> {
  const batch = new CircuitList(search.vertexCount);
  for (;;) {
    batch.clear();
    const more = search.fill(batch, BATCH);
    for (let i = 0; i < batch.count; i++) yield transform ? transform(batch.get(i)) : batch.get(i);
    if (!more) return;
  }
}

export interface CircuitCollection {
  circuits: CircuitList;
  /** True when the cap stopped the search while more circuits existed. */
  truncated: boolean;
}

/** Up to `maxCycles` circuits in a compact list, and whether more existed. */
export function collectCircuits(graph: IndexedGraph, options: CircuitOptions & { maxCycles?: number } = {}): CircuitCollection {
  const maxCycles = options.maxCycles ?? Number.POSITIVE_INFINITY;
  const search = new CircuitSearch(graph, options);
  const circuits = new CircuitList(graph.ids.length);
  const full = search.fill(circuits, maxCycles);
  // Full: look one circuit further to tell a cap that cut the search from one that fit exactly.
  const truncated = full && search.fill(new CircuitList(graph.ids.length), 1);
  return { circuits, truncated: truncated };
}

/**
 * Every elementary circuit of the graph, each once, as a list of vertices starting at its smallest
 * vertex (the arc from the last vertex back to the first closes it).
 */
export function elementaryCircuits(graph: IndexedGraph, options: CircuitOptions = {}): Generator<number[]> {
  return drain(new CircuitSearch(graph, options));
}

/** Rotates a circuit so it starts at its smallest vertex. */
export function rotateToSmallest(circuit: readonly number[]): number[] {
  let best = 0;
  for (let i = 1; i < circuit.length; i++) if ((circuit[i] as number) < (circuit[best] as number)) best = i;
  return [...circuit.slice(best), ...circuit.slice(0, best)];
}

/** Every elementary circuit through `vertex`, each once, rotated to start at its smallest vertex. */
export function circuitsThrough(graph: IndexedGraph, vertex: number, options: CircuitOptions = {}): Generator<number[]> {
  return drain(new CircuitSearch(graph, options, vertex), rotateToSmallest);
}
