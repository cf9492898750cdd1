/**
 * An entry's example as the site shows it: the request in three languages and the predicted
 * response. The entry page, its Markdown twin and llms-full.txt all show it, so it is worked
 * out once per entry for the whole build.
 */
import type { Entry } from '../catalogue/index.ts';
import type { Outcome } from '../predict/outcome.ts';
import { predict } from '../predict/predict.ts';
import { requestSamples, type RequestSamples } from './samples.ts';

export interface ShownExample {
  samples: RequestSamples;
  outcome: Outcome;
}

const shown = new WeakMap<Entry, ShownExample>();

export function exampleOf(entry: Entry): ShownExample | undefined {
  if (!entry.example) return undefined;
  let example = shown.get(entry);
  if (!example) {
    example = { samples: requestSamples(entry.example.scenario), outcome: predict(entry.example.scenario) };
    shown.set(entry, example);
  }
  return example;
}
