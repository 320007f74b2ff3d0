/**
 * The command registry, in the order `convolab --help` lists them. A new command is a file in
 * this folder exporting `command: Command`, plus one line here.
 */
import type { Command } from '../command.js';
import { command as acf } from './acf.js';
import { command as arima } from './arima.js';
import { command as batch } from './batch.js';
import { command as bench } from './bench.js';
import { command as compress } from './compress.js';
import { command as convert } from './convert.js';
import { command as convolve } from './convolve.js';
import { command as diffuse } from './diffuse.js';
import { command as evalCommand } from './eval.js';
import { command as featuremaps } from './featuremaps.js';
import { command as fft } from './fft.js';
import { command as filter } from './filter.js';
import { command as filters } from './filters.js';
import { command as find } from './find.js';
import { command as freqFilter } from './freq-filter.js';
import { command as info } from './info.js';
import { command as kernels } from './kernels.js';
import { command as match } from './match.js';
import { command as orientation } from './orientation.js';
import { command as predict } from './predict.js';
import { command as propagator } from './propagator.js';
import { command as sample } from './sample.js';
import { command as search } from './search.js';
import { command as searchEval } from './search-eval.js';
import { command as searchIndex } from './search-index.js';
import { command as searchTrain } from './search-train.js';
import { command as serve } from './serve.js';
import { command as smooth } from './smooth.js';
import { command as spectrum } from './spectrum.js';
import { command as train } from './train.js';
import { command as whiten } from './whiten.js';
import { command as worker } from './worker.js';

export const COMMANDS: readonly Command[] = [
  info,
  convert,
  convolve,
  filter,
  kernels,
  fft,
  spectrum,
  orientation,
  freqFilter,
  compress,
  match,
  find,
  propagator,
  diffuse,
  sample,
  smooth,
  acf,
  arima,
  whiten,
  train,
  evalCommand,
  predict,
  filters,
  featuremaps,
  searchTrain,
  searchIndex,
  search,
  searchEval,
  batch,
  worker,
  bench,
  serve,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
