/** What the benchmark page exposes as `window.tesseraBench`, called from Node by harness/session.ts. */

export type SnapshotFormat = 'parquet' | 'arrow';

export interface IngestFigures {
  /** total time of the measured part, ms */
  ms: number;
  rows: number;
  /** bytes of the stored (ours) / exported (raw) snapshot */
  bytes: number;
  format: SnapshotFormat | 'unknown';
  /** ours only: previewImport time, ms (not part of `ms`) */
  previewMs?: number;
  /** ours only: the phases onProgress reported, with their first time since the start, ms */
  phases?: Record<string, number>;
}

export interface QueryFigures {
  ms: number;
  /** result rows (both sides must agree) */
  rows: number;
}

export interface CrossfilterClickFigures {
  /** input → last visual's rows ready (and, ours, its Vega view updated), ms */
  ms: number;
  /** result rows of the five re-queried visuals */
  rows: number;
  /** ours only: how many of them were answered from their cross-filter cube */
  viaCube?: number;
  /** ours only: the longest of the five queries' run time in the engine (DuckDB + Arrow → rows), ms */
  engineMs?: number;
  /** ours only: time spent updating the Vega views, ms (summed) */
  vegaMs?: number;
  /** ours only: per visual type, when its rows arrived (ms since the click) */
  perVisual?: Record<string, number>;
}

export interface RenderFigures {
  /** mean ms per render over the batch */
  ms: number;
  /** marks in the scenegraph after the last render (both sides must agree) */
  marks: number;
}

export interface BenchApi {
  /** Fetches a data file into a File held by the page (not timed). Returns its size in bytes. */
  loadFile(url: string, name: string): Promise<number>;
  /** Raw DuckDB-wasm on the loaded File: read_csv into a table, then export in `format`. */
  ingestRaw(format: SnapshotFormat): Promise<IngestFigures>;
  /** Our import path on the loaded File: previewImport + commitImport into OPFS and a Y.Doc. */
  ingestOurs(): Promise<IngestFigures>;
  /** Starts LocalEngine and registers the star schema snapshots (sales, stores, products). Returns load ms. */
  loadStar(urls: { sales: string; stores: string; products: string }): Promise<{ ms: number; rows: number }>;
  /** One query, through our coordinator (`ours`, noCache) or a raw AsyncDuckDB connection on the same tables. */
  runQuery(side: 'ours' | 'raw', sql: string): Promise<QueryFigures>;
  /** Cross-filter page: LocalEngine with the star schema, the 6-visual page compiled and its charts embedded. */
  xfLoad(urls: { sales: string; stores: string; products: string }): Promise<{ rows: number; categories: string[]; months: string[] }>;
  /** The app's activation of the two source charts: the other visuals build their cross-filter cubes (ms, built, refused; each cube's finish time since the start). */
  xfActivate(): Promise<{ ms: number; cubes: number; refused: number; each: Record<string, number> }>;
  /** One cross-filter click on the page, ours (LocalEngine + live Vega views) or raw (same SQL, raw connection). */
  xfClick(side: 'ours' | 'raw', click: { kind: 'category' | 'month'; value: string }): Promise<CrossfilterClickFigures>;
  /** Render: `count` renders of one chart, through our ChartView path or a raw vega-embed of the same spec and rows. */
  renderChart(side: 'ours' | 'raw', input: { type: string; rows: number; count: number }): Promise<RenderFigures>;
  /** `startup`'s raw reference: DuckDB-wasm start + snapshot load + the card's query, ms since navigation. */
  startupRaw(url: string): Promise<{ ms: number; value: number }>;
}
