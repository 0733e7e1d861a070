/**
 * The map's script and stylesheet, bundled by esbuild from src/apps/web (Leaflet included) into
 * build/web the first time a server starts, and again whenever a source is newer than the bundle,
 * so a fresh checkout needs no build step.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = fileURLToPath(new URL('../web/', import.meta.url));
const outDir = fileURLToPath(new URL('../../../build/web/', import.meta.url));

/** The bundle's files: the script and the stylesheet. */
export interface WebBundle {
  js: Buffer;
  css: Buffer;
}

const OUTPUTS = ['map.js', 'map.css'] as const;

function newestSource(): number {
  let newest = 0;
  for (const name of readdirSync(webDir))
    if (/\.(ts|css)$/.test(name) && !name.endsWith('.test.ts'))
      newest = Math.max(newest, statSync(join(webDir, name)).mtimeMs);
  // A Leaflet upgrade rebuilds too.
  const leaflet = createRequire(import.meta.url).resolve('leaflet/package.json');
  return Math.max(newest, statSync(leaflet).mtimeMs);
}

function isFresh(): boolean {
  try {
    const built = Math.min(...OUTPUTS.map((o) => statSync(join(outDir, o)).mtimeMs));
    return built >= newestSource();
  } catch {
    return false;
  }
}

/** Bundles the browser code with esbuild; files are written under a temporary name and renamed, so servers starting together never read half a file. */
export async function buildWebBundle(): Promise<void> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { map: join(webDir, 'map.ts'), 'map-style': join(webDir, 'map.css') },
    bundle: true,
    minify: true,
    format: 'iife',
    target: ['es2020'],
    loader: { '.png': 'dataurl', '.svg': 'dataurl' },
    outdir: outDir,
    write: false,
    logLevel: 'silent',
  });
  mkdirSync(outDir, { recursive: true });
  const suffix = `.${process.pid}.${Date.now()}.tmp`;
  for (const file of result.outputFiles) {
    const name = file.path.endsWith('.css') ? 'map.css' : 'map.js';
    writeFileSync(join(outDir, name + suffix), file.contents);
    renameSync(join(outDir, name + suffix), join(outDir, name));
  }
}

/** The bundle, built first when it is missing or older than its sources. */
export async function webBundle(): Promise<WebBundle> {
  if (!isFresh()) await buildWebBundle();
  return { js: readFileSync(join(outDir, 'map.js')), css: readFileSync(join(outDir, 'map.css')) };
}
