/**
 * Prints the line to put in GATEWAY_API_KEYS_FILE for a key.
 *   npm run hash-api-key              # generates a new key
 *   npm run hash-api-key -- rf_xxx    # hashes an existing one
 * The clear key goes to the caller; only the hash goes into the file (or Kubernetes Secret).
 */
import { generateApiKey, hashApiKey } from './api-keys.ts';

const offered = process.argv[2];
const key = offered ?? generateApiKey();
if (!offered) console.log(`key:  ${key}   (give this to the caller; it is not stored anywhere)`);
console.log(`hash: ${hashApiKey(key)}`);
