/** Entry of the benchmark page: exposes the scenarios to the Node harness. */
import type { BenchApi } from './api';
import { ingestOurs, ingestRaw, loadFile } from './scenarios/ingest';
import { loadStar, runQuery } from './scenarios/query';
import { xfActivate, xfClick, xfLoad } from './scenarios/crossfilter';
import { renderChart } from './scenarios/render';
import { startupRaw } from './scenarios/startup';

const api: BenchApi = { loadFile, ingestRaw, ingestOurs, loadStar, runQuery, xfLoad, xfActivate, xfClick, renderChart, startupRaw };
(window as unknown as { tesseraBench: BenchApi }).tesseraBench = api;
