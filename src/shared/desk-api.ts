// Builds `window.desk` from the channel list over any transport. It must stay self-contained
// (no imports, no outer references): the test bridge injects its source text into the page.
export function buildDeskApi(
  channels: readonly string[],
  invoke: (channel: string, args: unknown) => Promise<unknown>,
  subscribe: (event: string, listener: (payload: unknown) => void) => () => void,
): Record<string, unknown> {
  const api: Record<string, unknown> = {};
  for (const channel of channels) {
    api[channel] = (args: unknown) => invoke(channel, args ?? {});
  }
  api.on = (event: string, listener: (payload: unknown) => void) => subscribe(event, listener);
  return Object.freeze(api);
}
