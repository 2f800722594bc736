import path from 'node:path';
import type { FastifyStaticOptions } from '@fastify/static';

/** Built assets carry a content hash in their name: a browser keeps them for good. */
export const assetCacheControl = 'public, max-age=31536000, immutable';
/** index.html (and every SPA path answered with it) is asked again each time: after a deploy it names the new assets. */
export const pageCacheControl = 'no-cache';

/**
 * @fastify/static over the built web app: the build's `.br` / `.gz` siblings are sent by
 * Accept-Encoding (never under their own names), hashed `assets/` are immutable, the rest no-cache.
 */
export function webStaticOptions(webRoot: string): FastifyStaticOptions {
  const assets = path.join(webRoot, 'assets') + path.sep;
  return {
    root: webRoot,
    wildcard: false,
    index: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    cacheControl: false,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.startsWith(assets) ? assetCacheControl : pageCacheControl);
      res.setHeader('vary', 'accept-encoding');
    },
  };
}
