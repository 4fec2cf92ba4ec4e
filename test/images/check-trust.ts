import { readServiceCredentials } from '../../packages/config/src/index.ts';
import { checker, type Check } from './checks.ts';
import { fleetAddresses } from './fleet-addresses.ts';
import { probeGateway } from './gateway-probes.ts';
import { checkGrpcRefusals } from './grpc-refusals.ts';
import { smuggleTenants } from './tenant-smuggling.ts';

/*
 * The fleet's trust checks, which scripts/images.sh runs against the containers after
 * check-gateway.ts (test/e2e/fleet.test.ts makes the same promises of the process fleet):
 *   1. no gRPC port serves a call without a token signed by the fleet's key;
 *   2. a token's tenant is the tenant, whatever x-tenant-id the caller adds;
 *   3. the gateway answers /readyz, and refuses an anonymous /v1/search when it has API keys.
 * Exits 1, saying which step failed. Reads RAGFLEET_URL (the gateway), EMBED_ADDR, RETRIEVE_ADDR,
 * ROUTER_ADDR, GENERATE_ADDR, SESSION_ADDR, RECOMMEND_ADDR, FEEDBACK_ADDR, the service key as the services read it (SERVICE_AUTH_KEY_FILE or
 * SERVICE_AUTH_KEY), and RAGFLEET_API_KEY: set when the gateway runs with keys.
 */
const check: Check = checker('check-trust');
const started = performance.now();
const url = process.env.RAGFLEET_URL;
check(url, 'set RAGFLEET_URL to the gateway (http://127.0.0.1:<port>)');
const addresses = fleetAddresses();
check(!('problems' in addresses), 'problems' in addresses ? addresses.problems.join('; ') : '');
const { keys } = readServiceCredentials('images-check', process.env);
check(keys.length > 0, 'no service key: set SERVICE_AUTH_KEY_FILE to the key the containers mount');

// 1. Refused without the fleet's token, on every port.
const refusals = await checkGrpcRefusals(addresses);
check(refusals.served.length === 0, `served without the fleet's token: ${refusals.served.join('; ')}`);
console.log(`check-trust: ${refusals.refused.length} calls without the fleet's token refused:`);
for (const line of refusals.refused) console.log(`   ${line}`);

// 2. The token's tenant, not the header's.
for (const search of await smuggleTenants(addresses.retrieve, keys)) {
  const what = `a ${search.tokenTenant} token with x-tenant-id ${search.claimedTenant}`;
  check(search.seen.length > 0, `${what} found nothing, not even its own ${search.tokenDocument}`);
  check(
    search.seen.every((document) => document === search.tokenDocument),
    `${what} saw ${JSON.stringify(search.seen)}: the header's tenant's ${search.claimedDocument} leaked`,
  );
  console.log(`check-trust: ${what} saw its own ${search.tokenDocument} only (${search.seen.length} hits)`);
}

// 3. The gateway's public port.
const gateway = await probeGateway(url);
const readiness = gateway.readyz.body as { status?: string } | undefined;
check(
  gateway.readyz.status === 200 && readiness?.status === 'ready',
  `/readyz answered ${gateway.readyz.status}: ${JSON.stringify(gateway.readyz.body)}`,
);
console.log(`check-trust: /readyz 200 ${JSON.stringify(gateway.readyz.body)}`);
const anonymous = gateway.anonymousSearch;
if (process.env.RAGFLEET_API_KEY) {
  check(
    anonymous.status === 401 && (anonymous.wwwAuthenticate ?? '').includes('Bearer'),
    `an anonymous /v1/search answered ${anonymous.status} (WWW-Authenticate ${anonymous.wwwAuthenticate}), not 401 Bearer`,
  );
  console.log('check-trust: an anonymous /v1/search is refused: 401, WWW-Authenticate Bearer');
} else {
  // Only skipped when it is true: a gateway that refuses anyway means the caller's word is stale.
  check(
    anonymous.status === 200,
    `an anonymous /v1/search answered ${anonymous.status} though no RAGFLEET_API_KEY says the gateway has keys`,
  );
  console.log(
    'check-trust: skipped the anonymous /v1/search refusal: the gateway runs in development mode ' +
      '(no GATEWAY_API_KEYS_FILE, GATEWAY_JWT_* or GATEWAY_ADMIN_TOKEN given, so no RAGFLEET_API_KEY), ' +
      'where every caller is anonymous by design; it answered 200',
  );
}
console.log(`check-trust: ok in ${Math.round(performance.now() - started)} ms`);
