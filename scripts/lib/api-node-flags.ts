/**
 * Node/V8 flags the API process runs with, wherever it runs: `npm start` (scripts/start.ts), the API's
 * own `npm start`, the container (docker/api.Dockerfile's CMD and docker-compose.yml's `api` command;
 * a unit test keeps those in step with this list) and the benchmarks.
 *
 * --max-semi-space-size=32 (MB; V8's default is 16): the progress endpoint allocates a few kilobytes per
 *   request, and with the default young generation the objects of requests waiting for a group commit
 *   survive two scavenges and are promoted, so the old generation, the major GCs and the resident memory
 *   grow with the request rate. 64 MB gave no more speed and more memory; 4 MB less of both.
 * --max-old-space-size=200 (MB): a ceiling for the old generation. The API holds ~80 MB at rest; without
 *   a ceiling V8 let the heap grow with the allocation rate (peak RSS 340–480 MB under load); with it,
 *   peak RSS ~235–250 MB and no throughput lost in the benchmark. 128 MB made it collect without end.
 *   A larger container may raise it (the worker, which builds reports, has no ceiling).
 * Measured with bench/progress.bench.ts; figures in bench/README.md.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--max-old-space-size=200'];
