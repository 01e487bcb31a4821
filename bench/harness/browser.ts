/**
 * Headless Debian Chromium for the benchmarks, with a fresh on-disk profile (so OPFS writes go to
 * disk as they do for a user, not to an in-memory incognito store), and the memory of its processes.
 *
 * Peak memory = VmHWM (peak resident set) of the page's renderer process, read from /proc. Dedicated
 * workers (DuckDB-wasm's) run inside the renderer process, so this is page + worker (it includes
 * ~110 MB of shared libraries every Chromium process maps). The peak is reset before each measured
 * step by writing 5 to /proc/<pid>/clear_refs (Linux ≥ 4.0).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BenchBrowser {
  context: BrowserContext;
  /** Forgets the peaks so far (renderer processes). */
  resetPeak(): void;
  /**
   * The largest renderer peak RSS since the last reset, MB: the page's renderer (with its DuckDB
   * worker) is the one that grows; idle renderers (spare, blank) stay far below it.
   */
  peakMb(): number;
  close(): Promise<void>;
}

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
}

function readProcs(): ProcInfo[] {
  const procs: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replace(/\0/g, ' ');
      procs.push({ pid: Number(entry), ppid, cmdline });
    } catch {
      // the process ended while we looked
    }
  }
  return procs;
}

/** The renderer processes descending from the Chromium started with `profileDir`. */
function rendererPids(profileDir: string): number[] {
  const procs = readProcs();
  const roots = procs.filter((p) => p.cmdline.includes(profileDir) && !p.cmdline.includes('--type='));
  const family = new Set(roots.map((p) => p.pid));
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of procs) {
      if (!family.has(p.pid) && family.has(p.ppid)) {
        family.add(p.pid);
        grew = true;
      }
    }
  }
  return procs.filter((p) => family.has(p.pid) && p.cmdline.includes('--type=renderer')).map((p) => p.pid);
}

function hwmKb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export async function launchBrowser(): Promise<BenchBrowser> {
  const profileDir = mkdtempSync(join(tmpdir(), 'tessera-bench-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    resetPeak() {
      for (const pid of rendererPids(profileDir)) {
        try {
          writeFileSync(`/proc/${pid}/clear_refs`, '5');
        } catch {
          // not ours or gone: its peak stays in the sum (an overestimate, never an underestimate)
        }
      }
    },
    peakMb() {
      return Math.max(0, ...rendererPids(profileDir).map(hwmKb)) / 1024;
    },
    async close() {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}
