import { SingleBar, Presets } from 'cli-progress';
import { batches } from '../batches.ts';
import { CliError, UsageError } from '../cli-error.ts';
import { collectFiles, readDocuments, type SourceDocument } from '../document-readers.ts';
import type { GatewayClient, Job } from '../gateway-client.ts';

export interface IngestOptions {
  batchSize: number;
  maxBatchBytes: number;
  /** First wait between job polls; it grows to maxPollMs, so a long ingest costs few requests. */
  pollMs: number;
  maxPollMs: number;
  /** Where the user named the paths from: they resolve against it, and ids are relative to it. */
  directory: string;
}

function finished(job: Job): boolean {
  return job.state === 'succeeded' || job.state === 'failed';
}

async function loadDocuments(
  inputs: string[],
  directory: string,
): Promise<{ documents: SourceDocument[]; skipped: number }> {
  const files = await collectFiles(inputs, directory);
  if (files.length === 0) throw new CliError('no .txt, .md or .jsonl files found');
  const documents: SourceDocument[] = [];
  let skipped = 0;
  for (const file of files) {
    for (const document of await readDocuments(file, directory)) {
      // The gateway refuses blank documents; drop them here rather than failing a whole batch.
      if (document.text.trim() === '') skipped++;
      else documents.push(document);
    }
  }
  return { documents, skipped };
}

/**
 * The gateway names a refused document by its place in the request (`body.documents.3.text`);
 * the user knows it by its id (the file it came from).
 */
function nameDocuments(error: unknown, batch: SourceDocument[]): unknown {
  if (!(error instanceof CliError)) return error;
  const message = error.message.replace(/body\.documents\.(\d+)\.?/g, (whole, index: string) => {
    const id = batch[Number(index)]?.id;
    return id === undefined ? whole : `${JSON.stringify(id)} `;
  });
  return new CliError(message);
}

/** Posts the documents in batches, then follows the jobs with a progress bar until all are done. */
export async function ingest(
  client: GatewayClient,
  inputs: string[],
  options: IngestOptions,
): Promise<number> {
  if (inputs.length === 0) throw new UsageError('usage: ragfleet ingest <files or dirs...>');
  const started = performance.now();
  const { documents, skipped } = await loadDocuments(inputs, options.directory);
  const bar = new SingleBar(
    {
      format: 'indexing [{bar}] {value}/{total} documents | {chunks} chunks | {duration_formatted}',
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(documents.length, 0, { chunks: 0 });
  const jobs = new Map<string, Job>();
  const refresh = () => {
    const all = [...jobs.values()];
    bar.update(
      all.reduce((sum, job) => sum + job.documents_done, 0),
      { chunks: all.reduce((sum, job) => sum + job.chunks_indexed, 0) },
    );
  };
  try {
    for (const batch of batches(documents, {
      maxDocuments: options.batchSize,
      maxBytes: options.maxBatchBytes,
    })) {
      const job = await client.ingest(batch).catch((error: unknown) => {
        throw nameDocuments(error, batch);
      });
      jobs.set(job.id, job);
      refresh();
    }
    let pollMs = options.pollMs;
    while ([...jobs.values()].some((job) => !finished(job))) {
      await new Promise((resolve) => setTimeout(resolve, pollMs));
      pollMs = Math.min(pollMs * 1.5, options.maxPollMs);
      const pending = [...jobs.values()].filter((job) => !finished(job));
      for (const job of await Promise.all(pending.map((job) => client.job(job.id)))) jobs.set(job.id, job);
      refresh();
    }
  } finally {
    bar.stop();
  }
  const all = [...jobs.values()];
  const failed = all.filter((job) => job.state === 'failed');
  const chunks = all.reduce((sum, job) => sum + job.chunks_indexed, 0);
  const seconds = (performance.now() - started) / 1000;
  const indexed = all.reduce((sum, job) => sum + job.documents_done, 0);
  console.log(
    `ingested ${indexed} documents (${chunks} chunks) in ${seconds.toFixed(1)} s` +
      `${skipped ? `, skipped ${skipped} empty` : ''}${failed.length ? `, ${failed.length} jobs failed` : ''}`,
  );
  for (const job of failed) console.error(`job ${job.id} failed: ${job.error ?? 'unknown error'}`);
  return failed.length > 0 ? 1 : 0;
}
