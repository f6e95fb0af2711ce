// The renderer may load only what it ships, and recordings through the media scheme. No remote
// scripts, fonts, frames or connections: the app must work, and leak nothing, with no network.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "media-src 'self' media: blob:",
  "connect-src 'self' media:",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
