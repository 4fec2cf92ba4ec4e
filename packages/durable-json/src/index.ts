export { readJsonIfPresent, syncDirectory, writeJsonDurably } from './durable-json.ts';
