export type WorkloadId = 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'B6' | 'B7' | 'B8' | 'B9' | 'B10';

/** One target of a workload, as measured: a row of RESULTS.md. */
export type Check = {
  /** What is checked, e.g. "fold 3,000 events, per event". */
  what: string;
  target: string;
  measured: string;
  /** The ratio to the peer measured in the same run, when the target is a ratio or has a peer. */
  ratio?: { value: number; peer: string } | undefined;
  /** null: measured, but the target could not be decided (e.g. the run was cut short). */
  pass: boolean | null;
  /** For a miss: by how much, and what would close it. */
  miss?: string | undefined;
};

export type WorkloadResult = {
  id: WorkloadId;
  title: string;
  status: 'measured' | 'partial' | 'not measured';
  /** Why a workload was not (fully) measured. */
  reason?: string | undefined;
  durationMs: number;
  checks: Check[];
  /** Raw statistics (summaries, sizes, counts) for the JSON file. */
  data: Record<string, unknown>;
  notes: string[];
};

export type BenchContext = {
  quick: boolean;
  databaseUrl: string;
  redisUrl: string;
  /** Repetitions measured after the warm-up (>= 5). */
  repetitions: number;
  log(message: string): void;
  /** A PostgreSQL database for this run (created on first use, dropped at the end). */
  database(name: 'main' | 'emmett'): Promise<string>;
  /** A fresh directory under the OS temp dir, removed at the end. */
  tempDir(name: string): Promise<string>;
  /** Shared datasets built once per run (e.g. the 1,000,000-event log of B6 and B10). */
  shared<T>(key: string, build: () => Promise<T>): Promise<T>;
  /** Run at the very end (closing pools, stopping processes), last registered first. */
  onCleanup(cleanup: () => Promise<void>): void;
};

export type Workload = {
  id: WorkloadId;
  title: string;
  /** The targets, as issue 8 states them (listed even when the workload is not measured). */
  target: string;
  run(context: BenchContext): Promise<Omit<WorkloadResult, 'id' | 'title' | 'durationMs'>>;
};
