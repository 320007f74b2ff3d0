/** The statistics commands' tests run them in-process through the shared helper (test/helpers/cli-run.ts). */
import { tempDir as tempDirNamed } from '../helpers/cli-run.js';

export { ROOT, runCommand } from '../helpers/cli-run.js';
export const tempDir = (): string => tempDirNamed('convolab-stats-');
