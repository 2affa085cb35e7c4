import type { Workload } from '../harness/types.js';
import { b1 } from './b1-fold-decide.js';
import { b2 } from './b2-serial.js';
import { b3 } from './b3-concurrent.js';
import { b4 } from './b4-hot-stream.js';
import { b5 } from './b5-replay.js';
import { b6 } from './b6-rebuild.js';
import { b7 } from './b7-reminders.js';
import { b8 } from './b8-http.js';
import { b9 } from './b9-start.js';
import { b10 } from './b10-verify.js';

/** Every workload of issue 8, in report order. */
export const WORKLOADS: readonly Workload[] = [b1, b2, b3, b4, b5, b6, b7, b8, b9, b10];
