/**
 * Routes every `fetch` of the process — Octokit's calls to GitHub, the Anthropic, Bedrock and Vertex SDKs,
 * smee-client — through HTTPS_PROXY / HTTP_PROXY, except the hosts in NO_PROXY (lower-case names too).
 * Node 20's fetch ignores these variables by itself. Does nothing when no proxy is set.
 *
 * @returns whether a proxy is in use.
 *
 * Must be awaited before the first request.
 */
export async function useEnvProxy(env: NodeJS.ProcessEnv): Promise<boolean> {
  const proxy = env.HTTPS_PROXY || env.https_proxy || env.HTTP_PROXY || env.http_proxy;
  if (!proxy) return false;
  // Loaded only when a proxy is set: undici is a large module, and most runs (and the CLI's) need none.
  const { EnvHttpProxyAgent, setGlobalDispatcher } = await import("undici");
  setGlobalDispatcher(
    new EnvHttpProxyAgent({
      ...(env.HTTP_PROXY || env.http_proxy ? { httpProxy: env.HTTP_PROXY || env.http_proxy } : {}),
      ...(env.HTTPS_PROXY || env.https_proxy ? { httpsProxy: env.HTTPS_PROXY || env.https_proxy } : {}),
      ...(env.NO_PROXY || env.no_proxy ? { noProxy: env.NO_PROXY || env.no_proxy } : {}),
    }),
  );
  return true;
}
