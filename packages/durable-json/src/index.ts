export {
  readJsonIfPresent,
  readJsonLinesIfPresent,
  syncDirectory,
  writeJsonDurably,
  writeJsonLinesDurably,
} from './durable-json.ts';
