import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';

const directory = join(import.meta.dirname, '..', 'assets');
const types: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
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
          properties: { name: { type: 'string', pattern: '^[a-z0-9-]+\\.(css|js|svg)$' } },
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
}
