/**
 * What the network-measures worker thread does (started by network-measures-off-thread.ts): the
 * measures of the packed graph in its workerData, posted back once, their typed arrays moved.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { measurePacked, type PackedGraph } from './network-measures-off-thread.ts';

const measures = measurePacked(workerData as PackedGraph);
parentPort!.postMessage(measures, [
  measures.degree.buffer,
  measures.betweenness.buffer,
  measures.pagerank.buffer,
  measures.community.buffer,
]);
