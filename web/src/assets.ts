import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const directory = join(import.meta.dirname, '..', 'assets');
const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
};

interface Asset {
  body: Buffer;
  type: string;
  hash: string;
}

const cache = new Map<string, Asset>();

function load(name: string): Asset {
  let asset = cache.get(name);
  if (!asset) {
    const body = readFileSync(join(directory, name));
    const type = types[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    asset = { body, type, hash: createHash('sha256').update(body).digest('hex').slice(0, 12) };
    cache.set(name, asset);
  }
  return asset;
}

/** Where browsers find the web app manifest, which names the site and its icons for a home screen. */
export const MANIFEST_PATH = '/manifest.webmanifest';

/** The manifest: built from the shipped icons' addresses, so a new icon is never hidden by a cache. */
function manifest(): string {
  return JSON.stringify({
    name: 'Meetcute',
    short_name: 'Meetcute',
    description: 'A friendly place to meet someone.',
    start_url: '/',
    display: 'standalone',
    background_color: '#fdfbff',
    theme_color: '#c2185b',
    icons: [
      { src: assetPath('icon-192.png'), sizes: '192x192', type: 'image/png' },
      { src: assetPath('icon-512.png'), sizes: '512x512', type: 'image/png' },
      { src: assetPath('icon-512.png'), sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      { src: assetPath('favicon.svg'), sizes: 'any', type: 'image/svg+xml' },
    ],
  });
}

/** The URL of a shipped asset, with its content hash so it can be cached for a year. */
export function assetPath(name: string): string {
  return `/assets/${name}?v=${load(name).hash}`;
}

export async function assetRoutes(app: FastifyInstance): Promise<void> {
  await Promise.resolve();
  app.get(
    '/assets/:name',
    {
      schema: {
        hide: true,
        params: {
          type: 'object',
          properties: { name: { type: 'string', pattern: '^[a-z0-9-]+\\.(css|js|svg|png)$' } },
          required: ['name'],
        },
      },
      config: { access: 'public', kind: 'asset' },
    },
    async (request, reply) => {
      const { name } = request.params as { name: string };
      let asset: Asset;
      try {
        asset = load(name);
      } catch {
        return reply.code(404).type('text/plain').send('No such asset');
      }
      return reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('x-content-type-options', 'nosniff')
        .type(asset.type)
        .send(asset.body);
    },
  );
  app.get(
    MANIFEST_PATH,
    { schema: { hide: true }, config: { access: 'public', kind: 'asset' } },
    async (_request, reply) =>
      // Its own address never changes, so browsers ask again within the day.
      reply
        .header('cache-control', 'public, max-age=86400')
        .type('application/manifest+json')
        .send(manifest()),
  );
}
