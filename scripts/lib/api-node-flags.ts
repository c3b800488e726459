/**
 * Node/V8 flags the API process runs with, wherever it runs: `npm start` (scripts/start.ts), the API's
 * own `npm start`, the container (docker/api.Dockerfile's CMD and docker-compose.yml's `api` command;
 * a unit test keeps those in step with this list) and the benchmarks.
 *
 * --max-semi-space-size=32 (MB; V8's default is 16): the progress endpoint allocates a few kilobytes per
 *   request, and with the default young generation the objects of requests waiting for a group commit
 *   survive two scavenges and are promoted, so the old generation, the major GCs and the resident memory
 *   grow with the request rate. 64 MB gave no more speed and more memory; 4 MB less of both.
 * --max-old-space-size=320 (MB): a ceiling for the old generation. Any ceiling makes V8 size the heap
 *   for a constrained machine: peak RSS 225–235 MB under load with 200, 256 or 320, against 410–480 MB
 *   without one, at the same throughput. 200 made it run a full collection every 2 s (a ~100 ms stall
 *   of the progress path each time, the slowest 1% of requests); 128 collected without end.
 *   A larger container may raise it (the worker, which builds reports, has no ceiling).
 * --no-allocation-site-pretenuring: V8 otherwise sees the objects of requests waiting for a group commit
 *   survive, decides their allocation sites are long-lived and allocates them in the old generation
 *   from then on, where they die: ~2 MB promoted per scavenge at ~4,000 requests/s, a major collection
 *   every ~1.1 s and each a ~100 ms stretch of slow answers. Without it, 0.05 MB per scavenge, 4 major
 *   collections in a run instead of 19, and peak RSS 210–228 MB instead of 221–242.
 * Measured with bench/progress.bench.ts; figures in bench/README.md.
 */
export const API_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=32', '--max-old-space-size=320', '--no-allocation-site-pretenuring'];
