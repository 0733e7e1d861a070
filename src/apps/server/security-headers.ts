import type { FastifyReply } from 'fastify';

/**
 * No inline script or style anywhere: scripts, styles and images come from this server only,
 * images also from `imageSources` (a tile server, when one is configured).
 */
export function contentSecurityPolicy(imageSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    ["img-src 'self' data:", ...imageSources].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Sets the headers every response carries. */
export function setSecurityHeaders(reply: FastifyReply, policy = CONTENT_SECURITY_POLICY): void {
  reply.header('content-security-policy', policy);
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', 'DENY');
  reply.header('referrer-policy', 'no-referrer');
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
}
