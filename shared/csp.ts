/**
 * The Content-Security-Policy for every page of the app, in Electron and on the web host
 * alike. Scripts, styles and workers come only from the app itself; nothing may be framed,
 * embedded or posted. Network connections go to the app's own origin and to the endpoints
 * passed in: the signaling servers the person can see in Settings, and nothing else.
 */
export function contentSecurityPolicy(connectSources: readonly string[] = []): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...connectSources.filter(isConnectSource)],
    'worker-src': ["'self'"],
    'manifest-src': ["'self'"],
    'media-src': ["'none'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'child-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
    'base-uri': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');
}

/** A source may only be a ws/wss/http/https origin: no wildcards, no keywords, no `;`. */
function isConnectSource(source: string): boolean {
  return (
    /^(wss?|https?):\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(source) ||
    /^(wss?|https?):\/\/\[[0-9a-f:]+\](:\d{1,5})?$/i.test(source)
  );
}
