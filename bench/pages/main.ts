/** Entry of the benchmark page: exposes the scenarios to the Node harness. */
import type { BenchApi } from './api';
import { ingestOurs, ingestRaw, loadFile } from './scenarios/ingest';
import { loadStar, runQuery } from './scenarios/query';

const api: BenchApi = { loadFile, ingestRaw, ingestOurs, loadStar, runQuery };
(window as unknown as { tesseraBench: BenchApi }).tesseraBench = api;
