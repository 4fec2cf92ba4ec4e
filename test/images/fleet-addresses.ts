/**
 * Where the running containers listen, as scripts/images.sh hands them to the checks: the
 * services' own variable names (EMBED_ADDR... as every service reads its upstreams), so a check
 * can never fall back to a default port and test some other fleet on the machine.
 */
export interface FleetAddresses {
  embed: string;
  retrieve: string;
  router: string;
  generate: string;
  session: string;
  recommend: string;
  feedback: string;
}

const HOST_PORT = /^[^:\s]+:\d+$/;

/** The gRPC addresses, or the list of variables missing or malformed. */
export function fleetAddresses(
  env: Record<string, string | undefined> = process.env,
): FleetAddresses | { problems: string[] } {
  const names = {
    embed: 'EMBED_ADDR',
    retrieve: 'RETRIEVE_ADDR',
    router: 'ROUTER_ADDR',
    generate: 'GENERATE_ADDR',
    session: 'SESSION_ADDR',
    recommend: 'RECOMMEND_ADDR',
    feedback: 'FEEDBACK_ADDR',
  };
  const problems = Object.values(names)
    .filter((name) => !HOST_PORT.test(env[name] ?? ''))
    .map((name) => `${name} must be host:port (got ${JSON.stringify(env[name] ?? '')})`);
  if (problems.length > 0) return { problems };
  return {
    embed: env.EMBED_ADDR as string,
    retrieve: env.RETRIEVE_ADDR as string,
    router: env.ROUTER_ADDR as string,
    generate: env.GENERATE_ADDR as string,
    session: env.SESSION_ADDR as string,
    recommend: env.RECOMMEND_ADDR as string,
    feedback: env.FEEDBACK_ADDR as string,
  };
}
