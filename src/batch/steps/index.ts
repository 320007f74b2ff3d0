/**
 * The step registry: every step a recipe may name. A new step is one adapter file in this folder
 * plus one line here; add it only once the library it calls exists.
 */
import type { Step } from '../step.js';
import { compress } from './compress.js';
import { convert } from './convert.js';
import { filter } from './filter.js';
import { freqFilter } from './freq-filter.js';
import { match } from './match.js';
import { spectrum } from './spectrum.js';

export const STEPS: Readonly<Record<string, Step>> = {
  convert: convert as Step,
  filter: filter as Step,
  'freq-filter': freqFilter as Step,
  spectrum: spectrum as Step,
  compress: compress as Step,
  match: match as Step,
};
