/**
 * The examples menu: choosing an entry's example loads its scenario; the menu names what is
 * loaded until it is edited, and a scenario opened from a link selects the example it is.
 */
import type { ScenarioInput } from '../../token/scenario.ts';
import { part } from './session.ts';

export interface ExamplesMenu {
  /** Once the scenario is edited, the menu names nothing, so choosing it again reloads it. */
  clear(): void;
  /** Selects the example a scenario is, if it is one, so the menu says what is loaded. */
  mark(scenario: ScenarioInput | null): void;
}

export function createExamplesMenu(page: HTMLElement, chosen: (scenario: ScenarioInput, title: string) => void): ExamplesMenu {
  const examples = part<HTMLSelectElement>(page, '#pg-example');

  examples.addEventListener('change', () => {
    const option = examples.selectedOptions[0];
    const scenario = exampleScenario(option);
    if (!option || !scenario) return;
    chosen(scenario, option.value === 'default' ? 'the default request' : `the example of “${option.textContent}”`);
  });

  return {
    clear() {
      examples.value = '';
    },
    mark(scenario) {
      if (!scenario) return;
      const text = JSON.stringify(scenario);
      // Not "Default request": its scenario is empty, like the example of "Token created", which
      // is the option an empty scenario selects (the menu then names the response it gets).
      const option = [...examples.options].find((each) => each.value !== 'default' && each.dataset.scenario === text);
      examples.value = option?.value ?? '';
    },
  };
}

/** The scenario an examples menu option carries, written by the page at build time. */
function exampleScenario(option: HTMLOptionElement | undefined): ScenarioInput | undefined {
  const text = option?.dataset.scenario;
  return text ? (JSON.parse(text) as ScenarioInput) : undefined;
}
