/**
 * The playground page: the form and the editor feed the predictor on every change, the result is
 * drawn at once, the editor marks each problem at its field, screen readers hear the new status
 * once typing pauses, and the whole scenario lives in the URL fragment (never sent to a server).
 *
 * This module owns the session (the form, what it reads as, the prediction) and is the one place
 * that predicts; each part of the page has a controller of its own: the body's editor
 * (body-editor.ts), the request and account controls (controls.ts), the predicted response
 * (output.ts), sharing and links (sharing.ts) and the examples menu (examples-menu.ts).
 */
// First: before any schema is defined (see the module).
import '../zod-jitless.ts';
import { predict } from '../../predict/predict.ts';
import { maxLinkLength } from '../../share/scenario-link.ts';
import { ScenarioError, type ScenarioInput } from '../../token/scenario.ts';
import { createBodyEditor } from './body-editor.ts';
import { createControls } from './controls.ts';
import { createExamplesMenu } from './examples-menu.ts';
import { defaultForm, formFromScenario, scenarioFromForm } from './form.ts';
import { marksFor } from './marks.ts';
import { createOutput } from './output.ts';
import { announcement } from './render.ts';
import type { Session } from './session.ts';
import { createSharing, readLink } from './sharing.ts';

const root = document.querySelector<HTMLElement>('[data-playground]');
if (root) start(root);

function start(page: HTMLElement): void {
  // The scenario in the address, read before the editor is made so that it starts with its body.
  const fromLink = readLink();
  const form = fromLink.kind === 'scenario' ? formFromScenario(fromLink.scenario) : defaultForm();
  const session: Session = { form, read: scenarioFromForm(form), outcome: null };
  let firstShown = false;

  const body = createBodyEditor(page, session, () => update());
  const { editor } = body;
  const controls = createControls(page, session, editor, () => update());
  const output = createOutput(page, session, editor, controls);
  const sharing = createSharing(page, session, {
    editor,
    controls,
    update: () => update(),
    open(scenario) {
      load(scenario);
      examples.mark(scenario);
    },
  });
  const examples = createExamplesMenu(page, (scenario, title) => {
    load(scenario);
    sharing.setStatus('');
    output.announce(() => `Loaded ${title}. ${session.outcome ? announcement(session.outcome) : ''}`, 100);
  });

  /** Predicts the form as it now is and shows it everywhere; an edit (not quiet) is also announced and linked. */
  function update(options: { quiet?: boolean } = {}): void {
    const started = performance.now();
    session.read = scenarioFromForm(session.form);
    const { read } = session;
    let errors = read.errors;
    session.outcome = null;
    if (errors.length === 0) {
      try {
        const started = performance.now();
        session.outcome = predict(read.scenario);
        // Only the latest timing is kept, for scripts/measure-playground.ts.
        performance.clearMeasures('playground:predict');
        performance.measure('playground:predict', { start: started, end: performance.now() });
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        errors = error.issues.map((issue) => ({ control: 'body', message: `${issue.path}: ${issue.message}` }));
      }
    }
    const { outcome } = session;
    controls.showErrors(errors);
    body.markInvalid(errors.some((error) => error.control === 'body'));
    output.show(outcome, errors);
    controls.showAccountCount();
    editor.setMarks(outcome ? marksFor(outcome, read.scan, session.form.bodyMode, session.form.body) : []);
    performance.clearMeasures('playground:update');
    performance.measure('playground:update', { start: started, end: performance.now() });
    if (!firstShown) {
      firstShown = true;
      performance.mark('playground:first-prediction');
    }
    if (!options.quiet) {
      examples.clear();
      const said = outcome
        ? announcement(outcome)
        : `No prediction: ${errors.map((error) => `${controls.label(error.control)}: ${error.message}`).join(' ')}`;
      output.announce(() => said, 500);
      sharing.edited();
    }
  }

  /** Shows a scenario opened in place (an example, a link followed). */
  function load(scenario: ScenarioInput): void {
    session.form = formFromScenario(scenario);
    sharing.loaded();
    controls.write();
    update({ quiet: true });
    controls.openAccountIfChanged();
  }

  if (fromLink.kind === 'scenario') sharing.adoptFragment();
  else if (fromLink.kind === 'damaged')
    sharing.showNotice(`This link could not be read: ${fromLink.reason}. The default request is shown instead.`);
  controls.write();
  examples.mark(fromLink.kind === 'scenario' ? fromLink.scenario : null);
  update({ quiet: true });
  controls.openAccountIfChanged();
  if (fromLink.kind === 'scenario' && location.href.length > maxLinkLength) {
    sharing.setStatus(
      `This link is ${location.href.length.toLocaleString('en-US')} characters long, over the ${maxLinkLength.toLocaleString('en-US')} that chat tools and browsers keep whole, so it may not reach others intact. Trim the body or redact it before sharing it again.`,
      'warn',
    );
  }
}
