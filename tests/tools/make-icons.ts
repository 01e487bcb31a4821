/**
 * Writes the PWA icons and store screenshots of public/ (run from the repository root):
 *   node --import tsx tests/tools/make-icons.ts
 * Renders SVG/HTML with Debian's Chromium (no network): icons for "any" purpose (48…512), maskable
 * icons (the mark inside the 80 % safe zone on a full-bleed background), an Apple touch icon, and a
 * wide + a narrow screenshot of a stylised report. Deterministic: the same files every run.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const publicDir = fileURLToPath(new URL('../../public/', import.meta.url));
const iconsDir = join(publicDir, 'icons');
const shotsDir = join(publicDir, 'screenshots');
mkdirSync(iconsDir, { recursive: true });
mkdirSync(shotsDir, { recursive: true });

const BRAND = '#f2c811';
const DARK = '#252423';

/** The Tessera mark: four rounded tiles on a 20×20 grid. */
function mark(fill: string): string {
  return `<rect x="1" y="1" width="8" height="8" rx="1.5" fill="${fill}"/>
  <rect x="11" y="1" width="8" height="8" rx="1.5" fill="${fill}" opacity="0.7"/>
  <rect x="1" y="11" width="8" height="8" rx="1.5" fill="${fill}" opacity="0.7"/>
  <rect x="11" y="11" width="8" height="8" rx="1.5" fill="${fill}" opacity="0.45"/>`;
}

/** "any" icon: a dark rounded square with the mark. */
function anySvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect width="24" height="24" rx="4.5" fill="${DARK}"/>
  <g transform="translate(2.5 2.5) scale(0.95)">${mark(BRAND)}</g></svg>`;
}

/** maskable icon: full-bleed background, the mark within the central 80 % (safe zone radius 40 %). */
function maskableSvg(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 40">
  <rect width="40" height="40" fill="${DARK}"/>
  <g transform="translate(10 10)">${mark(BRAND)}</g></svg>`;
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 20">${mark(BRAND)}</svg>`;

function bars(values: number[], x: number, y: number, w: number, h: number): string {
  const max = Math.max(...values);
  const step = w / values.length;
  return values
    .map((v, i) => {
      const bh = (v / max) * h;
      return `<rect x="${x + i * step + step * 0.15}" y="${y + h - bh}" width="${step * 0.7}" height="${bh}" rx="2" fill="#118dff"/>`;
    })
    .join('');
}

function line(values: number[], x: number, y: number, w: number, h: number): string {
  const max = Math.max(...values);
  const step = w / (values.length - 1);
  const pts = values.map((v, i) => `${x + i * step},${y + h - (v / max) * h}`).join(' ');
  return `<polyline points="${pts}" fill="none" stroke="#e66c37" stroke-width="3"/>`;
}

/** A stylised Tessera report page (top bar, nav, cards, charts) as HTML for the screenshots. */
function screenshotHtml(width: number, height: number): string {
  const wide = width > height;
  const nav = wide ? 56 : 0;
  const pane = wide ? 240 : 0;
  const cw = width - nav - pane - 32;
  const card = (label: string, value: string): string =>
    `<div style="flex:1;background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 3px #0002"><div style="color:#605e5c;font-size:12px">${label}</div><div style="font-size:24px;font-weight:600">${value}</div></div>`;
  const chartH = wide ? (height - 48 - 24 - 120) / 1 : (height - 48 - 24 - 120 - 16) / 2;
  const chartW = wide ? (cw - 16) / 2 : cw;
  const chart = (title: string, body: string): string =>
    `<div style="background:#fff;border-radius:8px;padding:12px;box-shadow:0 1px 3px #0002;width:${chartW}px;height:${chartH}px;box-sizing:border-box"><div style="font-weight:600;font-size:13px;margin-bottom:8px">${title}</div><svg width="${chartW - 24}" height="${chartH - 48}">${body}</svg></div>`;
  const barChart = bars([42, 65, 38, 80, 55, 71, 49], 0, 0, chartW - 24, chartH - 48);
  const lineChart = line([12, 18, 15, 24, 22, 30, 28, 35, 33, 41, 39, 46], 4, 4, chartW - 32, chartH - 56);
  return `<!doctype html><html><body style="margin:0;width:${width}px;height:${height}px;font-family:system-ui,sans-serif;background:#f3f2f1;color:#252423;overflow:hidden">
  <div style="height:48px;background:${DARK};color:#fff;display:flex;align-items:center;gap:10px;padding:0 16px">
    <svg width="20" height="20" viewBox="0 0 20 20">${mark(BRAND)}</svg><b>Tessera</b><span style="opacity:.7;margin-left:12px">Sales overview</span>
  </div>
  <div style="display:flex;height:${height - 48}px">
    ${wide ? `<div style="width:${nav}px;background:#e1dfdd"></div>` : ''}
    <div style="flex:1;padding:16px;display:flex;flex-direction:column;gap:16px">
      <div style="display:flex;gap:16px">${card('Revenue', '$1.24M')}${card('Orders', '8,412')}${wide ? card('Avg. price', '$147.3') : ''}</div>
      <div style="display:flex;gap:16px;flex-direction:${wide ? 'row' : 'column'}">${chart('Revenue by region', barChart)}${chart('Orders by month', lineChart)}</div>
    </div>
    ${wide ? `<div style="width:${pane}px;background:#fff;border-left:1px solid #e1dfdd;padding:12px;box-sizing:border-box;font-size:13px"><b>Fields</b><div style="margin-top:8px;line-height:2">▸ sales<br>&nbsp;&nbsp;order_date<br>&nbsp;&nbsp;region<br>&nbsp;&nbsp;product<br>&nbsp;&nbsp;quantity<br>&nbsp;&nbsp;price</div></div>` : ''}
  </div></body></html>`;
}

const browser = await chromium.launch({
  executablePath: process.env.TESSERA_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage();
  const renderSvg = async (svg: string, size: number, file: string): Promise<void> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`);
    writeFileSync(file, await page.screenshot({ omitBackground: true, type: 'png' }));
  };
  for (const size of [48, 72, 96, 144, 192, 512]) await renderSvg(anySvg(), size, join(iconsDir, `icon-${size}.png`));
  for (const size of [192, 512]) await renderSvg(maskableSvg(), size, join(iconsDir, `maskable-${size}.png`));
  await renderSvg(maskableSvg(), 180, join(iconsDir, 'apple-touch-icon-180.png'));
  writeFileSync(join(publicDir, 'favicon.svg'), FAVICON);

  for (const [name, width, height] of [
    ['wide', 1280, 720],
    ['narrow', 540, 960],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.setContent(screenshotHtml(width, height));
    writeFileSync(join(shotsDir, `${name}.png`), await page.screenshot({ type: 'png' }));
  }
} finally {
  await browser.close();
}
console.log(`icons and screenshots written to ${publicDir}`);
