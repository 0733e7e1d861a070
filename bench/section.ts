/** A bench section: one measured area (extraction, clustering, ingest, server), registered in run.ts. */

export interface BenchContext {
  /** The shared reference data directory (../shared beside the repository). */
  sharedDir: string;
  /** Use at most this many documents per corpus (for a quick run); undefined = all. */
  limit: number | undefined;
}

export interface TargetCheck {
  name: string;
  pass: boolean;
  detail: string;
}

export interface SectionResult {
  /** Human-readable lines, printed as they are. */
  lines: string[];
  targets: TargetCheck[];
  /** Written to artifacts/bench.json under the section's name. */
  json: Record<string, unknown>;
}

export interface BenchSection {
  name: string;
  description: string;
  /** False for sections with their own synthetic data, which run without ../shared. */
  needsShared?: boolean;
  run(ctx: BenchContext): Promise<SectionResult>;
}
