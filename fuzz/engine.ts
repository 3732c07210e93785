/**
 * A coverage-guided mutation fuzzer for JavaScript, built on V8's own block coverage (node:inspector
 * precise coverage), so it installs from npm alone and needs no native code. Inputs are mutated
 * from a corpus seeded with real files; an input that reaches a block of the project's sources no
 * input reached before joins the corpus. Taking the coverage costs about 20 ms (it walks every
 * function V8 knows), so inputs run in batches and the coverage is taken once per batch; a batch
 * with new blocks is run again one input at a time to find which inputs brought them.
 *
 * A crash is any error other than the ones the target declares expected (a located input error),
 * and any input that does not finish within the time limit.
 */
import { Session } from 'node:inspector';

export interface FuzzTarget {
  name: string;
  /** Files whose bytes seed the corpus. */
  seeds: string[];
  /** Runs one input; throws an expected error (see `expected`) or anything else for a crash. */
  run(input: Buffer): Promise<void>;
  /** Errors that are a correct answer to bad input. */
  expected(error: unknown): boolean;
}

export interface FuzzOptions {
  /** Stop after this many executions … */
  runs?: number;
  /** … or this many seconds, whichever comes first. */
  seconds?: number;
  /** Seed of the mutation PRNG: the same seed and corpus give the same inputs. */
  seed?: number;
  batch?: number;
  maxLength?: number;
  /** An execution that takes more CPU time than this (in ms) is a crash (a hang). */
  timeoutMs?: number;
  /** Called after every execution with the count so far (a sign of life for a watchdog). */
  onExecution?: (executions: number) => void;
}

export interface Crash {
  input: Buffer;
  message: string;
}

export interface FuzzReport {
  target: string;
  executions: number;
  seconds: number;
  /** CPU time the target's process used meanwhile (user and system), in seconds. */
  cpuSeconds: number;
  corpus: number;
  blocks: number;
  crashes: Crash[];
}

type Post = <T>(method: string, params?: object) => Promise<T>;

interface ScriptCoverage {
  url: string;
  functions: { ranges: { startOffset: number; endOffset: number; count: number }[] }[];
}

let session: Session | undefined;
let post: Post;

async function coverage(): Promise<Post> {
  if (!session) {
    session = new Session();
    session.connect();
    post = <T>(method: string, params: object = {}) => new Promise<T>((resolve, reject) => session!.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))));
    await post('Profiler.enable');
    // Binary block coverage: V8 still optimises the code (with call counts it would not, and the
    // targets ran about three times slower), and taking the coverage resets it.
    await post('Profiler.startPreciseCoverage', { callCount: false, detailed: true });
  }
  return post;
}

/**
 * The blocks of the project's own sources known so far, by function. V8 reports a function that
 * ran as its whole range plus the ranges inside it that did not run (a block that ran is merged
 * into its parent), so a block is learnt when it is first seen not running, and counts as reached
 * in a later take where its function ran and no unrun range holds it. (A function all of whose
 * blocks ran is not reported again in binary mode: a block reached for the first time together
 * with every other block of its function goes unseen.)
 */
class Blocks {
  private readonly known = new Map<string, [number, number][]>();
  readonly reached = new Set<string>();

  /** Blocks reached since the last take that were not reached before; recorded when `keep`. */
  async take(keep: boolean): Promise<number> {
    const { result } = await post<{ result: ScriptCoverage[] }>('Profiler.takePreciseCoverage');
    const fresh = new Set<string>();
    for (const script of result) {
      if (!script.url.includes('/src/')) continue;
      for (const fn of script.functions) {
        const [whole, ...inner] = fn.ranges;
        if (!whole || whole.count === 0) continue;
        const id = `${script.url}:${whole.startOffset}`;
        let known = this.known.get(id);
        if (!known) this.known.set(id, (known = []));
        const unrun: [number, number][] = [];
        for (const range of inner) {
          if (range.count !== 0) continue;
          unrun.push([range.startOffset, range.endOffset]);
          if (!known.some(([a, b]) => a === range.startOffset && b === range.endOffset)) known.push([range.startOffset, range.endOffset]);
        }
        const consider = (key: string) => {
          if (!this.reached.has(key)) fresh.add(key);
        };
        consider(id);
        for (const [a, b] of known) if (!unrun.some(([x, y]) => x <= a && b <= y)) consider(`${id}:${a}:${b}`);
      }
    }
    if (keep) for (const key of fresh) this.reached.add(key);
    return fresh.size;
  }
}

/** Byte strings that matter to the readers: structure, separators, escapes, control bytes. */
const TOKENS = ['{', '}', '[', ']', '"', "'", ',', ';', '\t', '\n', '\r\n', '\r', '\0', '\u0001', '\\', '\\u0000', '<', '>', '</', '<!--', ']]>', '&amp;', '&#0;', ':', '=', '#', '#fields', 'PK\u0003\u0004', '\u001f\u008b', '\uFEFF', '\uFFFD', 'é', '华为', 'null', 'true', '-1', '1e999', '00:11:22:33:44:55', 'pkg:npm/a@1', 'huawei.com', 'query:', 'lease ', 'package:', '"bomFormat":"CycloneDX"', '"spdxVersion":"SPDX-2.3"', '<nmaprun>', '<host>', '<bom>', 'SPDXVersion: SPDX-2.3\n'];

class Random {
  constructor(private state: number) {}
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = Math.imul(this.state ^ (this.state >>> 15), 1 | this.state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  below(n: number): number {
    return Math.floor(this.next() * n);
  }
}

function mutate(input: Buffer, corpus: Buffer[], random: Random, maxLength: number): Buffer {
  let data = Buffer.from(input);
  const rounds = 1 + random.below(4);
  for (let r = 0; r < rounds; r++) {
    const at = data.length === 0 ? 0 : random.below(data.length);
    switch (random.below(9)) {
      case 0: // flip a bit
        if (data.length > 0) data[at] = (data[at] ?? 0) ^ (1 << random.below(8));
        break;
      case 1: // set a random byte
        if (data.length > 0) data[at] = random.below(256);
        break;
      case 2: // delete a run
        data = Buffer.concat([data.subarray(0, at), data.subarray(at + 1 + random.below(16))]);
        break;
      case 3: // insert a token
        data = Buffer.concat([data.subarray(0, at), Buffer.from(TOKENS[random.below(TOKENS.length)] ?? ''), data.subarray(at)]);
        break;
      case 4: {
        // duplicate a run, sometimes many times (long cells, deep nesting)
        const length = 1 + random.below(32);
        const run = data.subarray(at, at + length);
        const times = random.below(4) === 0 ? 1 + random.below(2000) : 1;
        data = Buffer.concat([data.subarray(0, at), ...Array.from({ length: times }, () => run), data.subarray(at)]);
        break;
      }
      case 5: {
        // splice with another corpus entry
        const other = corpus[random.below(corpus.length)] ?? Buffer.alloc(0);
        const from = other.length === 0 ? 0 : random.below(other.length);
        data = Buffer.concat([data.subarray(0, at), other.subarray(from, from + 1 + random.below(256))]);
        break;
      }
      case 6: // cut the input short
        data = data.subarray(0, at);
        break;
      case 7: {
        // an interesting number
        const numbers = ['0', '-0', '4294967296', '9007199254740993', 'NaN', '1e308', '0x7f', '999999999999'];
        data = Buffer.concat([data.subarray(0, at), Buffer.from(numbers[random.below(numbers.length)] ?? '0'), data.subarray(at)]);
        break;
      }
      default: {
        // swap two runs
        const b = random.below(Math.max(1, data.length));
        const [lo, hi] = at < b ? [at, b] : [b, at];
        const length = Math.min(1 + random.below(16), hi - lo);
        if (length > 0 && hi + length <= data.length) {
          const first = Buffer.from(data.subarray(lo, lo + length));
          data.copy(data, lo, hi, hi + length);
          first.copy(data, hi);
        }
      }
    }
  }
  return data.length > maxLength ? data.subarray(0, maxLength) : data;
}

/** Runs one input; undefined when it ended as it may, else the crash's message. */
async function execute(target: FuzzTarget, input: Buffer, timeoutMs: number): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  // Unref'd: a reader waiting on nothing must still let the event loop run empty, which is how
  // such a reader notices it is stuck (see the XLSX reader).
  // The limit is on the CPU time the process spent, not the wall clock: on a busy machine an input
  // can wait for the processor longer than the limit without being slow itself. One that waits
  // on something that never comes uses no CPU: ten times the limit on the wall clock ends it.
  const cpu = process.cpuUsage();
  const started = Date.now();
  const timeout = new Promise<'timeout'>((resolve) => {
    const check = (wait: number) => {
      timer = setTimeout(() => {
        const used = process.cpuUsage(cpu);
        const spent = (used.user + used.system) / 1000;
        if (spent >= timeoutMs || Date.now() - started >= 10 * timeoutMs) resolve('timeout');
        else check(Math.max(100, timeoutMs - spent));
      }, wait);
      timer.unref();
    };
    check(timeoutMs);
  });
  try {
    const outcome = await Promise.race([target.run(input).then(() => 'ok' as const), timeout]);
    if (outcome === 'timeout') return `no answer within ${timeoutMs} ms of CPU time or ${(10 * timeoutMs) / 1000} s (a hang)`;
    return undefined;
  } catch (error) {
    if (target.expected(error)) return undefined;
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  } finally {
    clearTimeout(timer);
  }
}

export async function fuzz(target: FuzzTarget, seeds: Buffer[], options: FuzzOptions = {}): Promise<FuzzReport> {
  await coverage();
  const random = new Random(options.seed ?? 1);
  const batch = options.batch ?? 32;
  const maxLength = options.maxLength ?? 64 * 1024;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = options.seconds !== undefined ? Date.now() + options.seconds * 1000 : Infinity;
  const runs = options.runs ?? Infinity;
  const blocks = new Blocks();
  const corpus: Buffer[] = [];
  const crashes: Crash[] = [];
  const started = Date.now();
  const cpu = process.cpuUsage();
  let executions = 0;
  const record = async (input: Buffer) => {
    const crash = await execute(target, input, timeoutMs);
    executions++;
    options.onExecution?.(executions);
    if (crash && crashes.length < 20 && !crashes.some((c) => c.message.split('\n')[0] === crash.split('\n')[0])) crashes.push({ input, message: crash });
  };
  await blocks.take(false); // whatever ran before belongs to no input
  for (const seed of seeds.length > 0 ? seeds : [Buffer.alloc(0)]) {
    await record(seed);
    if ((await blocks.take(true)) > 0 || corpus.length === 0) corpus.push(seed);
  }
  // The batch grows while nothing new is found (the coverage is taken less often) and shrinks back when something is.
  let size = batch;
  while (executions < runs && Date.now() < deadline) {
    const inputs = Array.from({ length: Math.min(size, runs - executions) }, () => mutate(corpus[random.below(corpus.length)] ?? Buffer.alloc(0), corpus, random, maxLength));
    for (const input of inputs) {
      // A batch is cut short at the deadline (on a busy machine one can take minutes).
      if (Date.now() >= deadline) break;
      await record(input);
    }
    if (Date.now() >= deadline) break;
    if ((await blocks.take(false)) === 0) {
      size = Math.min(size * 2, 1024);
      continue;
    }
    size = batch;
    // New blocks in this batch: halve it until the inputs that brought them are found.
    const find = async (group: Buffer[]): Promise<void> => {
      if (Date.now() >= deadline) return;
      if (group.length === 1) {
        await execute(target, group[0]!, timeoutMs);
        executions++;
        options.onExecution?.(executions);
        if ((await blocks.take(true)) > 0) corpus.push(group[0]!);
        return;
      }
      for (const half of [group.slice(0, group.length >> 1), group.slice(group.length >> 1)]) {
        for (const input of half) {
          await execute(target, input, timeoutMs);
          options.onExecution?.(++executions);
        }
        if ((await blocks.take(false)) > 0) await find(half);
      }
    };
    await find(inputs);
  }
  const used = process.cpuUsage(cpu);
  return { target: target.name, executions, seconds: (Date.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, corpus: corpus.length, blocks: blocks.reached.size, crashes };
}
