import { InvalidArgumentError, type Command } from 'commander';
import {
  belligerentLabels,
  databasePath,
  incidentOptions,
  openExistingStore,
  outletKindOf,
  type OpenedStore,
} from '../../../compose.ts';
import { buildServer } from '../../server/build-server.ts';
import { tileOrigin, type TileSettings } from '../../server/tile-settings.ts';
import { usageErrorsExitTwo } from './extract.ts';

export interface ServeOpts {
  db?: string;
  port: number;
  host: string;
  secureCookies?: boolean;
  trustProxy?: boolean;
  /** A map tile URL template; else $STRIKEWATCH_TILES; else the map draws outlines only. */
  tiles?: string;
  tilesAttribution?: string;
}

export function port(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new InvalidArgumentError('expected a port number from 0 to 65535.');
  return Number(value);
}

const DEFAULT_PORT = 8080;
const DEFAULT_HOST = 'localhost';

/** The address people open: a wildcard host is reached as localhost. */
function urlOf(host: string, listening: number): string {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${listening}`;
}

/**
 * Serves the opened store until SIGINT or SIGTERM, then closes the server (finishing requests
 * in flight) and the store. Prints the address first; returns the exit code.
 */
export async function serveStore(opened: OpenedStore, opts: ServeOpts): Promise<number> {
  const tiles = tilesOf(opts);
  if (typeof tiles === 'string') {
    await opened.store.close();
    console.error(`strikewatch: ${tiles}`);
    return 2;
  }
  const app = await buildServer({
    store: opened.store,
    outletKind: outletKindOf(),
    labels: belligerentLabels(),
    logLevel: 'error',
    analyst: {
      incidents: incidentOptions(opened),
      secureCookies: opts.secureCookies === true,
      trustProxy: opts.trustProxy === true,
    },
    tiles,
  });
  try {
    await app.listen({ port: opts.port, host: opts.host });
  } catch (err) {
    await app.close();
    await opened.store.close();
    const code = (err as NodeJS.ErrnoException).code;
    console.error(
      `strikewatch: cannot serve on ${opts.host}:${opts.port}: ${code === 'EADDRINUSE' ? 'the port is in use (choose another with --port)' : err instanceof Error ? err.message : String(err)}`,
    );
    return 1;
  }
  const address = app.server.address();
  const listening = typeof address === 'object' && address ? address.port : opts.port;
  console.log(`strikewatch is serving ${urlOf(opts.host, listening)} (Ctrl-C stops it)`);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  console.log(`strikewatch: ${signal}, stopping`);
  await app.close();
  await opened.store.close();
  return 0;
}

export function addServeOptions(command: Command): Command {
  return command
    .option('--db <path>', 'database file (default $STRIKEWATCH_DB or ./strikewatch.db)')
    .option('--port <n>', `port to listen on (default $PORT or ${DEFAULT_PORT}; 0 picks a free one)`, port)
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', DEFAULT_HOST)
    .option('--secure-cookies', 'mark login cookies Secure even over HTTP (behind a proxy that serves HTTPS)')
    .option(
      '--trust-proxy',
      "behind a reverse proxy: take the client's address and protocol from X-Forwarded-For and X-Forwarded-Proto",
    )
    .option(
      '--tiles <url>',
      'map tiles, a URL template such as https://tile.example/{z}/{x}/{y}.png (default $STRIKEWATCH_TILES; none: the map works offline)',
    )
    .option(
      '--tiles-attribution <text>',
      "the tile provider's credit, shown on the map (default $STRIKEWATCH_TILES_ATTRIBUTION)",
    );
}

/** The tile settings from the options or the environment, null for none, or what is wrong with them. */
export function tilesOf(opts: Pick<ServeOpts, 'tiles' | 'tilesAttribution'>): TileSettings | null | string {
  const url = opts.tiles || process.env.STRIKEWATCH_TILES || '';
  if (!url) return null;
  try {
    tileOrigin(url);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return { url, attribution: opts.tilesAttribution || process.env.STRIKEWATCH_TILES_ATTRIBUTION || '' };
}

export function portOf(opts: { port?: number }): number {
  if (opts.port !== undefined) return opts.port;
  const env = process.env.PORT;
  return env && /^\d+$/.test(env) && Number(env) <= 65535 ? Number(env) : DEFAULT_PORT;
}

export function registerServe(program: Command, setCode: (code: number) => void): void {
  const command = addServeOptions(
    program.command('serve').description('Serve the incident pages and the JSON API over a database'),
  ).action(async (opts: Omit<ServeOpts, 'port'> & { port?: number }) => {
    const result = await openExistingStore(databasePath(opts.db));
    if (!result.ok) {
      console.error(`strikewatch: ${result.error}`);
      setCode(1);
      return;
    }
    setCode(await serveStore(result.opened, { ...opts, port: portOf(opts) }));
  });
  usageErrorsExitTwo(command);
}
