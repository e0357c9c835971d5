/**
 * Elementary circuits of a directed graph: Johnson, D. B. (1975), "Finding all the elementary
 * circuits of a directed graph", SIAM J. Comput. 4(1):77–84.
 *
 * Without a length bound, circuits are searched one strongly connected component at a time,
 * starting from the component's smallest vertex; that vertex is then removed and the components of
 * the rest are searched in turn. Each circuit is therefore found exactly once, already rotated to
 * start at its smallest vertex.
 *
 * With a length bound L, the start vertices are taken in ascending order, and the search from s
 * covers only the vertices above s (in s's component) that get back to s within L − 1 hops: a
 * breadth-first search backwards from s, limited to that depth, finds them and their distances, and
 * only what it touched is reset afterwards. On large sparse networks that area is a few hundred
 * vertices, where recomputing the components of everything left would cost the whole graph per
 * start. A vertex is only entered when it can still get back to the start within the hops left. A
 * branch cut that way counts as "may still reach the start", so its vertices are not blocked: the
 * bound can only cost time, never a circuit. Circuits again come out rotated to their smallest
 * vertex, each once, in ascending order of that vertex.
 *
 * The search is resumable: `fill` hands out circuits in batches, so the generators below give the
 * first circuits at once and a consumer that stops iterating stops the work, without paying a
 * generator resumption inside the hot loop.
 *
 * Why one long file: Johnson's search, its length-bounded variant and the compact circuit list
 * share the blocked-set state and the hot loop; splitting them would cost speed or duplicate it.
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
  /** Unbounded search: components of what is left after each start. */
  private readonly finder: ComponentFinder | null;
  /** Bounded search: reverse arcs, and the strongly connected component of every vertex. */
  private readonly reverse: { offsets: Int32Array; sources: Int32Array } | null;
  private readonly componentOf: Int32Array | null;
  /**
   * Search state, kept between calls to fill(). state[v] is 2·stamp when v is in the current area
   * and free, 2·stamp + 1 when in the area and blocked, anything else outside the area: one read
   * tells the hot loop both, and moving to the next area costs nothing for the vertices left out.
   */
  private readonly state: Int32Array;
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
  /** Bounded search: hops from each area vertex back to the start. */
  private readonly distance: Int32Array;
  /** unblock()'s stack. */
  private readonly stack: Int32Array;
  /** The current area's vertices, area[0 … areaSize − 1] (for the bounded search, in breadth-first order). */
  private area: Int32Array;
  private areaSize = 0;
  /** Unbounded search: components still to search, the next one last. */
  private readonly work: Int32Array[] = [];
  /** Bounded search: the next start vertex to try. */
  private nextStart = 0;
  private stamp = 0;
  private depth = -1;
  /** Searching circuits through one vertex only (-1: all circuits): no removal of the start afterwards. */
  private readonly through: number;

  get vertexCount(): number {
    return this.graph.ids.length;
  }

  constructor(
    private readonly graph: IndexedGraph,
    options: CircuitOptions = {},
    through?: number,
  ) {
    const n = graph.ids.length;
    const m = graph.targets.length;
    this.maxLength = resolveMaxLength(options);
    this.accept = options.accept ?? null;
    this.bounded = Number.isFinite(this.maxLength);
    if (through !== undefined && !(Number.isInteger(through) && through >= 0 && through < n)) throw new Error(`roundtrip/circuits: no vertex ${through}`);
    this.through = through ?? -1;
    this.state = new Int32Array(n);
    this.firstListed = new Int32Array(n).fill(-1);
    this.nextListed = new Int32Array(m);
    this.listed = new Uint8Array(m);
    this.arcSource = new Int32Array(m);
    for (let v = 0; v < n; v++) this.arcSource.fill(v, graph.offsets[v] as number, graph.offsets[v + 1] as number);
    this.path = new Int32Array(n + 1);
    this.nextArc = new Int32Array(n + 1);
    this.found = new Uint8Array(n + 1);
    this.stack = new Int32Array(n);
    this.area = new Int32Array(0);
    const finder = new ComponentFinder(graph);
    const vertices = Array.from({ length: n }, (_, i) => i);
    const components = finder.components(vertices, this.state, this.enterArea(vertices)).filter((c) => hasCycle(graph, c));
    if (this.bounded) {
      // Per start only the vertices that get back to it within the bound matter: a breadth-first
      // search backwards finds them, within the start's component, with no components of the rest.
      this.finder = null;
      this.reverse = reverseArcs(graph);
      this.distance = new Int32Array(n);
      this.area = new Int32Array(n);
      const componentOf = new Int32Array(n).fill(-1);
      components.forEach((c, i) => {
        for (const v of c) componentOf[v] = i;
      });
      this.componentOf = componentOf;
    } else {
      this.finder = finder;
      this.reverse = null;
      this.componentOf = null;
      this.distance = new Int32Array(0);
      if (through !== undefined) {
        const own = components.find((c) => c.includes(through));
        // The start goes first: the search starts from component[0].
        if (own) this.work.push(Int32Array.of(through, ...own.filter((v) => v !== through)));
      } else {
        this.pushComponents(components);
      }
    }
  }

  /** Makes `vertices` the current search area, all free (their B lists are already empty); returns its free state. */
  private enterArea(vertices: ArrayLike<number>): number {
    const free = 2 * ++this.stamp;
    for (let i = 0; i < vertices.length; i++) this.state[vertices[i] as number] = free;
    return free;
  }

  /** Empties the B lists of the area just searched. */
  private clearLists(vertices: ArrayLike<number>, count: number): void {
    const { firstListed, nextListed, listed } = this;
    for (let i = 0; i < count; i++) {
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

  /**
   * Bounded search: makes s and the vertices above `floor` in s's component that get back to s
   * within maxLength − 1 hops the area, with their hops back in `distance`. False when no circuit
   * within the bound passes through s.
   */
  private enterBoundedArea(s: number, floor: number): boolean {
    const { state, distance, area } = this;
    const componentOf = this.componentOf as Int32Array;
    const reverse = this.reverse as { offsets: Int32Array; sources: Int32Array };
    const component = componentOf[s] as number;
    if (component < 0) return false;
    const free = 2 * ++this.stamp;
    state[s] = free;
    distance[s] = 0;
    area[0] = s;
    let size = 1;
    const limit = this.maxLength - 1;
    for (let head = 0; head < size; head++) {
      const v = area[head] as number;
      const next = (distance[v] as number) + 1;
      // Breadth-first: every vertex after this one is as far or farther.
      if (next > limit) break;
      for (let a = reverse.offsets[v] as number; a < (reverse.offsets[v + 1] as number); a++) {
        const u = reverse.sources[a] as number;
        if (u <= floor || state[u] === free || componentOf[u] !== component) continue;
        state[u] = free;
        distance[u] = next;
        area[size++] = u;
      }
    }
    this.areaSize = size;
    // Alone, s is on a circuit only through an arc to itself.
    return size > 1 || arcIndexOf(this.graph, s, s);
  }

  /** Starts the search from s, the first vertex of the area entered last. */
  private begin(s: number): true {
    this.depth = 0;
    this.path[0] = s;
    this.state[s] = 2 * this.stamp + 1;
    this.nextArc[0] = this.graph.offsets[s] as number;
    this.found[0] = 0;
    return true;
  }

  /** Moves to the next start vertex; false when every one is done. */
  private advance(): boolean {
    this.clearLists(this.area, this.areaSize);
    this.areaSize = 0;
    if (this.bounded) {
      if (this.through >= 0) {
        // One start, and every vertex may follow it.
        if (this.nextStart++ > 0) return false;
        return this.enterBoundedArea(this.through, -1) && this.begin(this.through);
      }
      const n = this.graph.ids.length;
      while (this.nextStart < n) {
        const s = this.nextStart++;
        // The vertices below s were starts already: every circuit through them is found.
        if (this.enterBoundedArea(s, s)) return this.begin(s);
      }
      this.areaSize = 0;
      return false;
    }
    const previous = this.area;
    if (previous.length > 0 && this.through < 0) {
      const rest = previous.subarray(1);
      if (rest.length > 0) this.pushComponents((this.finder as ComponentFinder).components(rest, this.state, this.enterArea(rest)));
    }
    const component = this.work.pop();
    if (!component) {
      this.area = new Int32Array(0);
      return false;
    }
    this.area = component;
    this.areaSize = component.length;
    this.enterArea(component);
    return this.begin(component[0] as number);
  }

  private unblock(u: number, free: number): void {
    const { state, firstListed, nextListed, listed, arcSource, stack } = this;
    const blocked = free + 1;
    state[u] = free;
    let top = 0;
    stack[top++] = u;
    while (top > 0) {
      const x = stack[--top] as number;
      for (let a = firstListed[x] as number; a >= 0; a = nextListed[a] as number) {
        listed[a] = 0;
        const w = arcSource[a] as number;
        if (state[w] === blocked) {
          state[w] = free;
          stack[top++] = w;
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
    const { state, firstListed, nextListed, listed, path, nextArc, found, distance, bounded, maxLength, accept } = this;
    while (out.count < max) {
      if (this.depth < 0 && !this.advance()) return false;
      const s = path[0] as number;
      const free = 2 * this.stamp;
      const blocked = free + 1;
      let depth = this.depth;
      search: while (depth >= 0) {
        const v = path[depth] as number;
        const end = offsets[v + 1] as number;
        // The arcs of v not tried yet; a vertex entered moves to the next depth.
        for (let arc = nextArc[depth] as number; arc < end; ) {
          const w = targets[arc++] as number;
          if (w === s) {
            found[depth] = 1;
            if (accept !== null && !accept(path, depth + 1)) continue;
            out.push(path, depth + 1);
            if (out.count >= max) {
              nextArc[depth] = arc;
              this.depth = depth;
              return true;
            }
          } else if (state[w] === free) {
            if (bounded && depth + 1 + (distance[w] as number) > maxLength) {
              // Too far from the start for the hops left: treat as reachable, never block on it.
              found[depth] = 1;
              continue;
            }
            nextArc[depth] = arc;
            depth++;
            path[depth] = w;
            state[w] = blocked;
            nextArc[depth] = offsets[w] as number;
            found[depth] = 0;
            continue search;
          }
        }
        if (found[depth]) {
          if ((firstListed[v] as number) < 0) state[v] = free;
          else this.unblock(v, free);
        } else {
          for (let a = offsets[v] as number; a < end; a++) {
            const w = targets[a] as number;
            // Arcs to vertices in the area (free or blocked) only.
            if (((state[w] as number) | 1) !== blocked || listed[a]) continue;
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

/** Whether the graph has the arc u → v. */
function arcIndexOf(graph: IndexedGraph, u: number, v: number): boolean {
  for (let a = graph.offsets[u] as number; a < (graph.offsets[u + 1] as number); a++) if (graph.targets[a] === v) return true;
  return false;
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
