/** The one place that picks adapters and wires stages together. */
import { existsSync } from 'node:fs';
import { loadGazetteer } from './adapters/gazetteer/load.ts';
import { loadAirwarsBelligerents } from './adapters/eval/airwars-belligerents.ts';
import {
  readGoldText,
  readJsonLines,
  setName,
  sharedDir,
  sharedEvalSets,
} from './adapters/eval/gold-files.ts';
import { loadLexicon } from './adapters/lexicon/load.ts';
import { openSqliteStore } from './adapters/db/sqlite-store.ts';
import { estimateItems } from './adapters/sources/estimate.ts';
import { readSources, type ReadOptions, type SourceItem } from './adapters/sources/read-sources.ts';
import { createExtractor, findDateline, type Extractor } from './stages/extract/index.ts';
import { createResolver } from './stages/geocode/index.ts';
import { createOfficialReader, type OfficialReader } from './stages/official/index.ts';
import type { PlaceResolver } from './domain/place.ts';
import type { IngestItem } from './domain/report.ts';
import type { Store } from './domain/store.ts';
import { extractClaims } from './pipeline/extract-claims.ts';
import { buildingIncidents, type IncidentOptions } from './pipeline/build-incidents.ts';
import { isGridded, keysOf, nameKey, queryKeys } from './stages/cluster/index.ts';
import type { IncidentIndex } from './domain/incident-index.ts';
import type { Lexicon } from './domain/lexicon.ts';
import type { OutletKind } from './domain/incident.ts';
import { outletKinds } from './domain/outlet-kind.ts';
import type { ReportProcessor } from './pipeline/run-ingest.ts';
import { alsoOfficial, readingOfficial, type OfficialOptions } from './pipeline/process-official.ts';
import { reconcileStore, type ReconcileCounts } from './pipeline/reconcile-store.ts';

let resolver: PlaceResolver | undefined;

/** The gazetteer-backed place resolver, loaded once per process. */
export function placeResolver(): PlaceResolver {
  resolver ??= createResolver(loadGazetteer());
  return resolver;
}

let lexicon: Lexicon | undefined;

function shippedLexicon(): Lexicon {
  lexicon ??= loadLexicon();
  return lexicon;
}

/** An extractor wired to the shipped gazetteer and lexicons. */
export function loadExtractor(): Extractor {
  return createExtractor({ resolver: placeResolver(), lexicon: shippedLexicon() });
}

let officialReader: OfficialReader | undefined;

/** A reader of belligerents' strike logs and casualty statements, wired to the gazetteer and lexicons. */
export function loadOfficialReader(): OfficialReader {
  const lex = shippedLexicon();
  if (lex.official === undefined) throw new Error('data/lexicon/official-statements.json is missing');
  officialReader ??= createOfficialReader({
    resolver: placeResolver(),
    belligerents: lex.belligerents,
    phrases: lex.official,
  });
  return officialReader;
}

/** Verdict reason codes mapped to the Airwars reason codes they stand for (for scoring). */
export function officialReasonsAsAirwars(): Record<string, string> {
  const official = shippedLexicon().official;
  if (official === undefined) return {};
  const map = Object.fromEntries(official.reasons.map((r) => [r.code, r.airwars]));
  map[official.no_reason.code] = official.no_reason.airwars;
  return map;
}

let kindOf: ((outlet: string | null) => OutletKind | null) | undefined;

/** The kind of an outlet by its name (data/lexicon/outlet-kinds.json), null when not listed. */
export function outletKindOf(): (outlet: string | null) => OutletKind | null {
  kindOf ??= outletKinds(shippedLexicon().outletKinds ?? {});
  return kindOf;
}

/** Display names of the lexicon's belligerents, by code. */
export function belligerentLabels(): Record<string, string> {
  return Object.fromEntries(shippedLexicon().belligerents.map((b) => [b.code, b.label]));
}

export type { SourceItem } from './adapters/sources/read-sources.ts';
export { SUPPORTED_EXTENSIONS } from './adapters/sources/read-sources.ts';
export type SourceOptions = Omit<ReadOptions, 'findDateline'>;

/**
 * Documents from files, directories (recursively) or `-` (stdin), read one at a time; a document
 * without a publication date in its metadata takes it from its dateline.
 */
export function openSources(inputs: string[], options: SourceOptions = {}): AsyncGenerator<SourceItem> {
  return readSources(inputs, { ...options, findDateline });
}

export type { EvalSetFile } from './adapters/eval/gold-files.ts';

/** Evaluation material on disk: gold files and their texts, the shared sets, the Airwars name map. */
export const evalFiles = {
  readJsonLines,
  readGoldText,
  sharedEvalSets,
  sharedDir,
  setName,
  loadAirwarsBelligerents,
};

/** The database file: `--db`, else $STRIKEWATCH_DB, else strikewatch.db in the working directory. */
export function databasePath(option?: string | null): string {
  return option || process.env.STRIKEWATCH_DB || 'strikewatch.db';
}

/** An opened store, with what SQLite alone can check. */
export interface OpenedStore {
  store: Store;
  /** Problems `PRAGMA integrity_check` finds (an empty list when sound). */
  integrityProblems(): string[];
  migration: { from: number; to: number; applied: string[] };
  /** The cluster stage's incident index over the store's incidents. */
  incidentIndex(): IncidentIndex;
}

/** Opens a database that must exist already (for reading commands), migrating an older schema first. */
export async function openExistingStore(
  path: string,
): Promise<{ ok: true; opened: OpenedStore } | { ok: false; error: string }> {
  if (path !== ':memory:' && !existsSync(path))
    return { ok: false, error: `no database at ${path} (strikewatch ingest creates it)` };
  return openStore(path);
}

/** Opens the database (the embedded SQLite store), migrating an older schema first. */
export async function openStore(
  path: string,
): Promise<{ ok: true; opened: OpenedStore } | { ok: false; error: string }> {
  const result = await openSqliteStore(path);
  if (!result.ok) return result;
  const { store, migration } = result;
  return {
    ok: true,
    opened: {
      store,
      integrityProblems: () => store.integrityProblems(),
      migration: { from: migration.from, to: migration.to, applied: migration.applied },
      incidentIndex: () => store.incidentIndex({ nameKey, isGridded, keysOf, queryKeys }),
    },
  };
}

export type IngestSourceOptions = Omit<ReadOptions, 'findDateline' | 'id' | 'stdin'>;

/** Inputs to ingest (files, directories, records, URLs and feeds) as items ready for the store. */
export async function* openIngestSources(
  inputs: string[],
  options: IngestSourceOptions = {},
): AsyncGenerator<IngestItem> {
  for await (const item of readSources(inputs, { ...options, findDateline })) {
    if (!item.ok) {
      yield { ok: false, source: item.source, error: item.error, refused: item.refused === true };
      continue;
    }
    const outletKind = outletKindOf()(item.doc.outlet);
    yield { ok: true, report: { ...item.received, doc: item.doc, source: item.source, outletKind } };
  }
}

/** About how many items `openIngestSources` will yield, for a progress bar. */
export function estimateIngestItems(inputs: string[], options: IngestSourceOptions = {}): Promise<number> {
  return estimateItems(inputs, options);
}

/** The store's incident index and the lexicon's labels, for the pipeline's incident steps. */
export function incidentOptions(opened: OpenedStore): IncidentOptions {
  return { index: opened.incidentIndex(), labels: belligerentLabels(), outletKind: outletKindOf() };
}

function officialOptions(): OfficialOptions {
  return { read: loadOfficialReader(), labels: belligerentLabels() };
}

/**
 * What ingest does with each new report: extraction, storing its claims; with the opened store,
 * also clustering the claims into incidents and assessing them. A report from an official outlet
 * is also read for what it declares; with `official`, every report is read only that way.
 */
export function reportProcessor(opened?: OpenedStore, options: { official?: boolean } = {}): ReportProcessor {
  if (options.official) return readingOfficial(officialOptions());
  const kinds = outletKindOf();
  const extract = alsoOfficial(
    extractClaims(loadExtractor()),
    (report) => kinds(report.outlet) === 'official statement',
    officialOptions(),
  );
  return opened ? buildingIncidents(extract, incidentOptions(opened)) : extract;
}

/** Reconciles every incident in the store against the declared strikes and statements stored. */
export function reconcileIncidents(opened: OpenedStore): Promise<ReconcileCounts> {
  return reconcileStore(opened.store, incidentOptions(opened));
}

export { RECORD_FIELDS } from './adapters/sources/records.ts';
